/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-core"

#include "config.h"

#include "sc-program-reader.h"
#include "sc-program-reader-private.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "sc-error.h"
#include "sc-field.h"
#include "sc-program-cache.h"
#include "sc-program-private.h"
#include "sc-quote.h"
#include "sc-xml.h"
#include "sc-xml-read.h"
#include "sc-xml-schema.h"

/* ------------------------------------------------------------------ */
/* Shared checks                                                       */
/* ------------------------------------------------------------------ */

/* The words of @text (NULL: none), split at white space. (transfer full) */
char **
sc_reader_words_of (const char *text)
{
  char **words = g_strsplit_set (text != NULL ? text : "", " \t\r\n", -1);
  guint j = 0;

  /* Drop the empty strings runs of spaces leave. */
  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      words[j++] = words[i];
    else
      g_free (words[i]);
  words[j] = NULL;
  return words;
}

void
sc_reader_read_window (Loader     *l,
                       xmlNode    *node,
                       ScWindow   *window)
{
  char a[11], b[11];

  window->start = read_date (l, node, "start");
  window->end = read_date (l, node, "end");
  if (window->start != SC_DAY_NONE && window->end != SC_DAY_NONE && window->end <= window->start)
    problem (l, node, SC_ERROR_INVALID,
             _("the window of <%s> ends (%s) before or when it starts (%s); “end” is exclusive and must come after “start”"),
             (const char *) node->name, sc_day_format (window->end, b), sc_day_format (window->start, a));
}

char *
sc_reader_format_number (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.10g", value));
}

static gboolean
source_declared (Loader     *l,
                 const char *id)
{
  return sc_program_file_find_source (l->file, id) != NULL;
}

/* @id is in the sources="…" of the program being read. */
static gboolean
source_listed (Loader     *l,
               const char *id)
{
  return l->listed != NULL && g_hash_table_contains (l->listed, id);
}

/* Checks @value against the bounds of @kind (or of @field for NUM_FIELD). */
gboolean
sc_reader_check_range (Loader     *l,
                       xmlNode    *node,
                       const char *what,
                       double      value,
                       NumKind     kind,
                       ScField     field)
{
  g_autofree char *shown = sc_reader_format_number (value);

  if (!isfinite (value))
    {
      problem (l, node, SC_ERROR_VALUE, _("%s is “%s”; expected a finite number"), what, shown);
      return FALSE;
    }
  switch (kind)
    {
    case NUM_AMOUNT:
      if (value < 0 || value > AMOUNT_MAX)
        {
          problem (l, node, SC_ERROR_VALUE, _("%s is %s; expected an amount from 0 to 1000000000000"), what, shown);
          return FALSE;
        }
      break;
    case NUM_COUNT:
      if (value < 0 || value > AMOUNT_MAX || value != floor (value))
        {
          problem (l, node, SC_ERROR_VALUE, _("%s is %s; expected a whole number of at least 0"), what, shown);
          return FALSE;
        }
      break;
    case NUM_DAYS:
      if (value < 0 || value > DAYS_MAX || value != floor (value))
        {
          problem (l, node, SC_ERROR_VALUE, _("%s is %s; expected a whole number of days from 0 to 36600"), what, shown);
          return FALSE;
        }
      break;
    case NUM_FRACTION:
      if (value < 0 || value > 1)
        {
          problem (l, node, SC_ERROR_VALUE,
                   _("%s is %s; expected a fraction from 0 to 1 (write 0.006 for 0.6%%)"), what, shown);
          return FALSE;
        }
      break;
    case NUM_FIELD:
      {
        const ScFieldInfo *info = sc_field_info (field);
        if (info->type != SC_FIELD_TYPE_DATE && info->type != SC_FIELD_TYPE_BOOL &&
            info->type != SC_FIELD_TYPE_CHOICE && (value < info->min || value > info->max))
          {
            g_autofree char *lo = sc_reader_format_number (info->min);
            g_autofree char *hi = sc_reader_format_number (info->max);
            problem (l, node, SC_ERROR_VALUE, _("%s is %s; “%s” ranges from %s to %s"),
                     what, shown, info->name, lo, hi);
            return FALSE;
          }
      }
      break;
    default:
      break;
    }
  return TRUE;
}

/*
 * low="…" high="…" on @node: how far an assumed number may plausibly be
 * off (the range analysis moves it there). Only an assumption has one, and
 * it holds the number itself: a range beside its value says nothing.
 */
static void
read_range (Loader     *l,
            xmlNode    *node,
            ScNumber   *number,
            const char *what,
            gboolean    fraction)
{
  g_autofree char *low = prop (node, "low");
  g_autofree char *high = prop (node, "high");
  g_autofree char *v = NULL, *lo = NULL, *hi = NULL;

  if (low == NULL && high == NULL)
    return;
  if (low == NULL || high == NULL)
    {
      problem (l, node, SC_ERROR_INVALID, _("%s gives only one end of its range; give both low=\"…\" and high=\"…\""), what);
      return;
    }
  if (number->basis != SC_BASIS_ASSUMED)
    {
      problem (l, node, SC_ERROR_INVALID,
               _("%s has a range but is not an assumption; only basis=\"assumed\" numbers carry low and high"), what);
      return;
    }
  number->low = parse_value (l, node, low);
  number->high = parse_value (l, node, high);
  if (!isfinite (number->low) || !isfinite (number->high))
    return;
  v = sc_reader_format_number (number->value);
  lo = sc_reader_format_number (number->low);
  hi = sc_reader_format_number (number->high);
  if (number->low > number->value || number->high < number->value)
    {
      problem (l, node, SC_ERROR_VALUE, _("%s is %s but its range %s to %s does not contain it"), what, v, lo, hi);
      return;
    }
  if (number->low < 0 || (fraction && number->high > 1))
    {
      problem (l, node, SC_ERROR_VALUE, _("%s has the range %s to %s, outside what it can be"), what, lo, hi);
      return;
    }
  number->has_range = TRUE;
}

/* Reads the basis, source and notes of a number on @node. */
void
sc_reader_read_basis (Loader     *l,
                      xmlNode    *node,
                      ScNumber   *number,
                      const char *what,
                      gboolean    fraction,
                      gboolean    in_range)
{
  g_autofree char *basis = prop (node, "basis");

  number->basis = SC_BASIS_STATED;
  if (basis != NULL && !sc_basis_from_string (basis, &number->basis))
    problem (l, node, SC_ERROR_INVALID, _("unknown basis “%s”; expected stated, assumed or profile"), basis);
  number->source_id = prop (node, "source");
  read_texts (l, node, "note", &number->note);

  if (number->source_id != NULL && !source_declared (l, number->source_id))
    problem (l, node, SC_ERROR_INVALID,
             _("%s cites the source “%s”, which this file does not declare with <source id=\"%s\">"),
             what, number->source_id, number->source_id);

  if (number->basis == SC_BASIS_ASSUMED && number->note.zh == NULL && number->note.en == NULL)
    problem (l, node, SC_ERROR_INVALID,
             _("%s is an assumption without a note; add <note xml:lang=\"zh\">…</note> or <note xml:lang=\"en\">…</note> saying why"),
             what);
  if (number->set)
    read_range (l, node, number, what, fraction);

  /* A number already refused for its range is not looked for in the quote. */
  if (number->basis == SC_BASIS_STATED && number->set && in_range && number->source_id == NULL)
    {
      g_autofree char *shown = sc_reader_format_number (number->value);

      if (l->measure == NULL)
        problem (l, node, SC_ERROR_INVALID,
                 _("%s is stated but there is no quote to find it in; mark it basis=\"assumed\" with a note, or cite it with source=\"…\""),
                 what);
      else if (l->measure->quote != NULL &&
               !sc_quote_mentions (l->quote, number->value, fraction))
        problem (l, node, SC_ERROR_INVALID,
                 _("%s is stated as %s but the quote of measure “%s” does not mention it; correct the number or the quote, or mark it basis=\"assumed\" with a note"),
                 what, shown, l->measure->id);
    }
}

/* Reads <@name value=… basis=…> under @parent into @number, if present. */
void
sc_reader_read_number (Loader     *l,
                       xmlNode    *parent,
                       const char *name,
                       ScNumber   *number,
                       NumKind     kind,
                       gboolean    required)
{
  xmlNode *node = first_child (parent, name);
  g_autofree char *value = NULL;
  g_autofree char *what = NULL;
  gboolean in_range;

  if (node == NULL)
    {
      if (required)
        problem (l, parent, SC_ERROR_INVALID, _("<%s> is missing its <%s> element"),
                 (const char *) parent->name, name);
      return;
    }
  what = g_strdup_printf ("<%s>", name);
  value = prop (node, "value");
  number->line = sc_xml_node_line (node);
  number->value = parse_value (l, node, value);
  number->set = TRUE;
  in_range = sc_reader_check_range (l, node, what, number->value, kind, SC_N_FIELDS);
  sc_reader_read_basis (l, node, number, what, kind == NUM_FRACTION, in_range);
}

/* ------------------------------------------------------------------ */
/* Fields                                                              */
/* ------------------------------------------------------------------ */

gboolean
sc_reader_read_field (Loader      *l,
                      xmlNode     *node,
                      const char  *attr,
                      ScField     *field)
{
  g_autofree char *name = prop (node, attr);

  if (name == NULL)
    return FALSE;
  if (!sc_field_from_name (name, field))
    {
      problem (l, node, SC_ERROR_INVALID,
               _("unknown profile field “%s” in “%s”; the field names are listed in the help page “Writing a program file”"),
               name, attr);
      return FALSE;
    }
  return TRUE;
}

gboolean
sc_reader_choice_known (const ScFieldInfo *info,
                        const char        *value)
{
  if (info->type == SC_FIELD_TYPE_BOOL)
    return g_str_equal (value, "true") || g_str_equal (value, "false");
  if (info->choices == NULL)
    return FALSE;
  for (guint i = 0; info->choices[i] != NULL; i++)
    if (g_str_equal (info->choices[i], value))
      return TRUE;
  return FALSE;
}

char *
sc_reader_choices_list (const ScFieldInfo *info)
{
  if (info->type == SC_FIELD_TYPE_BOOL)
    return g_strdup ("true, false");
  return info->choices != NULL ? g_strjoinv (", ", (char **) info->choices) : g_strdup ("");
}

const char *
sc_reader_field_type_words (ScFieldType type)
{
  switch (type)
    {
    case SC_FIELD_TYPE_NUMBER:
      return _("a number");
    case SC_FIELD_TYPE_MONEY:
      return _("an amount in yuan");
    case SC_FIELD_TYPE_FRACTION:
      return _("a fraction");
    case SC_FIELD_TYPE_DATE:
      return _("a date");
    case SC_FIELD_TYPE_BOOL:
      return _("yes or no (true/false)");
    case SC_FIELD_TYPE_CHOICE:
    default:
      return _("a choice");
    }
}

/* ------------------------------------------------------------------ */
/* Measures, programs, sources, baselines, examples                    */
/* ------------------------------------------------------------------ */

/*
 * status="…" on a measure: its own status where it differs from its
 * program's, such as a 预计 (expected) item of a program in force. Without
 * it the measure has the program's status. A measure cannot be further
 * along than its program allows: nothing in an expired program is still to
 * come or running, and nothing is in force in a program that is only
 * expected or out for comment.
 */
static void
read_measure_status (Loader          *l,
                     xmlNode         *node,
                     const ScProgram *program,
                     ScMeasure       *measure)
{
  g_autofree char *status = prop (node, "status");

  measure->status = program->status;
  measure->has_status = status != NULL;
  if (status == NULL)
    return;
  /* The schema has already refused unknown values. */
  measure->status = sc_xml_read_enum (node, "status", &sc_program_status_table, program->status);
  if (program->status == SC_STATUS_EXPIRED && measure->status != SC_STATUS_EXPIRED)
    problem (l, node, SC_ERROR_INVALID,
             _("measure “%s” is “%s” but its program “%s” has expired; leave status out of the measure, or correct the program's status"),
             measure->id, status, program->id);
  else if (measure->status == SC_STATUS_IN_FORCE
           && (program->status == SC_STATUS_EXPECTED || program->status == SC_STATUS_COMMENT_PERIOD))
    problem (l, node, SC_ERROR_INVALID,
             _("measure “%s” is in force but its program “%s” is only “%s”; a measure cannot be in force before its program"),
             measure->id, program->id, sc_program_status_to_string (program->status));
}

/* low="YYYY-MM-DD" high="…" on an assumed <window-end>: the earliest and
 * latest plausible end, exclusive like end="…"; whether they hold the
 * window's own end is checked once the window is known
 * (check_window_end_range()). */
static void
read_window_end_range (Loader   *l,
                       xmlNode  *node,
                       ScNumber *number)
{
  g_autofree char *low = prop (node, "low");
  g_autofree char *high = prop (node, "high");
  ScDay lo, hi;

  if (low == NULL && high == NULL)
    return;
  if (low == NULL || high == NULL || number->basis != SC_BASIS_ASSUMED)
    {
      problem (l, node, SC_ERROR_INVALID,
               _("<window-end> needs both low=\"…\" and high=\"…\", and only an assumed end has a range"));
      return;
    }
  lo = read_date (l, node, "low");
  hi = read_date (l, node, "high");
  if (lo == SC_DAY_NONE || hi == SC_DAY_NONE)
    return;
  if (hi < lo)
    {
      problem (l, node, SC_ERROR_VALUE, _("<window-end> has its high end %s before its low end %s"), high, low);
      return;
    }
  number->low = lo;
  number->high = hi;
  number->has_range = TRUE;
}

/* The range of an assumed end must hold the end itself (@end, exclusive;
 * SC_DAY_NONE for an open end, which has no range). */
static void
check_window_end_range (Loader         *l,
                        xmlNode        *node,
                        const ScNumber *number,
                        ScDay           end)
{
  char a[16], b[16], c[16];

  if (!number->set || !number->has_range)
    return;
  if (end == SC_DAY_NONE)
    problem (l, node, SC_ERROR_INVALID,
             _("<window-end> has a range but its window has no end; give the window an end=\"…\" to vary"));
  else if (number->low > end || number->high < end)
    problem (l, node, SC_ERROR_VALUE,
             _("<window-end>: the window ends %s but its range %s to %s does not contain it (all exclusive, like end=\"…\")"),
             sc_day_format (end, a), sc_day_format ((ScDay) number->low, b), sc_day_format ((ScDay) number->high, c));
}

/* <window-end basis="stated|assumed"> under @parent, if present: a
 * declaration, so .set means "declared" and .value stays 0. */
static void
read_window_end (Loader   *l,
                 xmlNode  *parent,
                 ScNumber *number)
{
  xmlNode *node = first_child (parent, "window-end");

  if (node == NULL)
    return;
  number->line = sc_xml_node_line (node);
  sc_reader_read_basis (l, node, number, "<window-end>", FALSE, FALSE);
  number->set = TRUE;
  read_window_end_range (l, node, number);
}

/*
 * An effect that runs over time to the end of its window is worth what that
 * end says; a window the source does not close is an assumption like any
 * number, so the file must say which it is.
 */
static void
check_window_end (Loader          *l,
                  xmlNode         *node,
                  const ScProgram *program,
                  const ScMeasure *measure)
{
  ScWindow w = program->window;
  char b[16];

  if (sc_measure_window_end (program, measure) != NULL)
    return;
  if (measure->has_window && measure->window.end != SC_DAY_NONE)
    w.end = measure->window.end;
  for (guint i = 0; measure->effects != NULL && i < measure->effects->len; i++)
    {
      const char *what = sc_effect_runs_to_window_end (g_ptr_array_index (measure->effects, i));

      if (what == NULL)
        continue;
      if (w.end == SC_DAY_NONE)
        problem (l, node, SC_ERROR_INVALID,
                 _("measure “%s”: its <%s> runs open-ended (no end date) and nothing says the source leaves it open; add <window-end basis=\"assumed\"> with a note to the measure or its program, or give it an end"),
                 measure->id, what);
      else
        problem (l, node, SC_ERROR_INVALID,
                 _("measure “%s”: its <%s> runs to the end of its window (last day %s) but nothing says whether the source gives that end; add <window-end basis=\"stated\"/> if it does, or basis=\"assumed\" with a note, to the measure or its program"),
                 measure->id, what, sc_day_format (w.end - 1, b));
      return;
    }
}

static void
read_measure (Loader    *l,
              xmlNode   *node,
              ScProgram *program)
{
  ScMeasure *measure = sc_measure_new_empty ();
  xmlNode *child;

  g_ptr_array_add (program->measures, measure);
  measure->line = sc_xml_node_line (node);
  measure->id = prop (node, "id");
  measure->source_id = prop (node, "source");
  measure->group = prop (node, "group");
  read_measure_status (l, node, program, measure);
  measure->has_window = xmlHasProp (node, (const xmlChar *) "start") != NULL ||
                        xmlHasProp (node, (const xmlChar *) "end") != NULL;
  if (measure->has_window)
    sc_reader_read_window (l, node, &measure->window);
  read_texts (l, node, "title", &measure->title);
  read_texts (l, node, "summary", &measure->summary);
  read_window_end (l, node, &measure->window_end);
  check_window_end_range (l, first_child (node, "window-end"), &measure->window_end,
                          measure->has_window && measure->window.end != SC_DAY_NONE ? measure->window.end
                                                                                    : program->window.end);
  child = first_child (node, "quote");
  measure->quote = child != NULL ? text_of (child) : g_strdup ("");
  if (child != NULL && *measure->quote == '\0')
    problem (l, child, SC_ERROR_INVALID,
             _("the <quote> of measure “%s” is empty; copy the source sentence(s) it encodes"), measure->id);

  for (guint i = 0; i + 1 < program->measures->len; i++)
    if (g_strcmp0 (((ScMeasure *) g_ptr_array_index (program->measures, i))->id, measure->id) == 0)
      problem (l, node, SC_ERROR_INVALID,
               _("the measure id “%s” is used twice in program “%s” (first on line %u); ids must be unique"),
               measure->id, program->id, ((ScMeasure *) g_ptr_array_index (program->measures, i))->line);

  measure->source = sc_program_file_find_source (l->file, measure->source_id);
  if (measure->source == NULL)
    problem (l, node, SC_ERROR_INVALID,
             _("measure “%s” cites the source “%s”, which this file does not declare with <source id=\"%s\">"),
             measure->id, measure->source_id, measure->source_id);
  else if (program->source_ids != NULL && !source_listed (l, measure->source_id))
    problem (l, node, SC_ERROR_INVALID,
             _("measure “%s” cites the source “%s”, which is not listed in the program's sources=\"…\""),
             measure->id, measure->source_id);

  if (measure->group != NULL)
    {
      gboolean found = FALSE;
      for (guint i = 0; i < program->groups->len && !found; i++)
        found = g_strcmp0 (((ScStackGroup *) g_ptr_array_index (program->groups, i))->id, measure->group) == 0;
      if (!found)
        problem (l, node, SC_ERROR_INVALID,
                 _("measure “%s” names the group “%s”, which program “%s” does not declare with <group id=\"%s\" mode=\"…\"/>"),
                 measure->id, measure->group, program->id, measure->group);
    }

  l->measure = measure;
  l->quote = sc_quote_new (measure->quote);
  child = first_child (node, "eligibility");
  if (child != NULL)
    for (xmlNode *c = child->children; c != NULL; c = c->next)
      if (c->type == XML_ELEMENT_NODE && measure->eligibility == NULL)
        measure->eligibility = sc_reader_read_condition (l, c);

  child = first_child (node, "effects");
  if (child != NULL)
    for (xmlNode *c = child->children; c != NULL; c = c->next)
      if (c->type == XML_ELEMENT_NODE)
        sc_reader_read_effect (l, c, measure);
  check_window_end (l, node, program, measure);
  l->measure = NULL;
  g_clear_pointer (&l->quote, sc_quote_free);
}

/*
 * <headline source="…">: a platform-wide figure of the program, quoted. Like
 * a measure it cites a declared source of the program, and every figure must
 * be findable in its quote, as a stated number must be in a measure's.
 */
static void
read_headline (Loader    *l,
               xmlNode   *node,
               ScProgram *program)
{
  ScHeadline *headline = sc_headline_new_empty ();
  guint n = program->headlines->len + 1;
  xmlNode *quote = first_child (node, "quote");
  g_autoptr(ScQuote) index = NULL;

  g_ptr_array_add (program->headlines, headline);
  headline->line = sc_xml_node_line (node);
  headline->source_id = prop (node, "source");
  read_texts (l, node, "text", &headline->text);
  headline->quote = quote != NULL ? text_of (quote) : g_strdup ("");
  if (quote != NULL && *headline->quote == '\0')
    problem (l, quote, SC_ERROR_INVALID,
             _("the <quote> of headline %u of program “%s” is empty; copy the source sentence(s) it quotes"),
             n, program->id);
  index = sc_quote_new (headline->quote);

  headline->source = sc_program_file_find_source (l->file, headline->source_id);
  if (headline->source == NULL)
    problem (l, node, SC_ERROR_INVALID,
             _("headline %u of program “%s” cites the source “%s”, which this file does not declare with <source id=\"%s\">"),
             n, program->id, headline->source_id, headline->source_id);
  else if (program->source_ids != NULL && !source_listed (l, headline->source_id))
    problem (l, node, SC_ERROR_INVALID,
             _("headline %u of program “%s” cites the source “%s”, which is not listed in the program's sources=\"…\""),
             n, program->id, headline->source_id);

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      ScFigure figure = { 0 };
      g_autofree char *value = NULL;
      gboolean fraction;

      if (!is_element (child, "figure"))
        continue;
      value = prop (child, "value");
      figure.line = sc_xml_node_line (child);
      figure.unit = prop (child, "unit");
      figure.per = prop (child, "per");
      figure.value = parse_value (l, child, value);
      fraction = g_strcmp0 (figure.unit, "fraction") == 0;
      if (sc_reader_check_range (l, child, "<figure>", figure.value, fraction ? NUM_FRACTION : NUM_AMOUNT, SC_N_FIELDS)
          && *headline->quote != '\0'
          && !sc_quote_mentions (index, figure.value, fraction))
        {
          g_autofree char *shown = sc_reader_format_number (figure.value);

          problem (l, child, SC_ERROR_INVALID,
                   _("<figure> is %s but the quote of headline %u of program “%s” does not mention it; a headline states only what its quote says"),
                   shown, n, program->id);
        }
      g_array_append_val (headline->figures, figure);
    }
}

/* The revision="…" of @node, a whole number from 1; 0 after a problem. */
static guint
read_revision (Loader  *l,
               xmlNode *node)
{
  g_autofree char *revision = prop (node, "revision");
  guint64 rev = 0;

  if (!g_ascii_string_to_unsigned (revision, 10, 1, G_MAXUINT, &rev, NULL))
    problem (l, node, SC_ERROR_VALUE, _("revision “%s” must be a whole number from 1"), revision ? revision : "");
  return (guint) rev;
}

static void
read_program (Loader  *l,
              xmlNode *node)
{
  ScProgram *program = sc_program_new_empty ();
  g_autofree char *sources = prop (node, "sources");

  g_ptr_array_add (l->file->programs, program);
  program->line = sc_xml_node_line (node);
  program->origin = g_strdup (l->path);
  program->id = prop (node, "id");
  program->platform = prop (node, "platform");
  program->replaces = prop (node, "replaces");
  program->status = sc_xml_read_enum (node, "status", &sc_program_status_table, SC_STATUS_ANNOUNCED);
  program->revision = read_revision (l, node);
  sc_reader_read_window (l, node, &program->window);
  read_window_end (l, node, &program->window_end);
  check_window_end_range (l, first_child (node, "window-end"), &program->window_end, program->window.end);
  read_texts (l, node, "name", &program->name);
  read_texts (l, node, "summary", &program->summary);

  for (guint i = 0; i + 1 < l->file->programs->len; i++)
    if (g_strcmp0 (((ScProgram *) g_ptr_array_index (l->file->programs, i))->id, program->id) == 0)
      problem (l, node, SC_ERROR_INVALID,
               _("the program id “%s” is used twice in this file (first on line %u); give each program once"),
               program->id, ((ScProgram *) g_ptr_array_index (l->file->programs, i))->line);

  {
    g_auto(GStrv) tokens = sc_reader_words_of (sources);
    GPtrArray *ids = g_ptr_array_new ();

    g_clear_pointer (&l->listed, g_hash_table_unref);
    l->listed = g_hash_table_new (g_str_hash, g_str_equal);
    for (guint i = 0; tokens[i] != NULL; i++)
      {
        if (!source_declared (l, tokens[i]))
          problem (l, node, SC_ERROR_INVALID,
                   _("program “%s” lists the source “%s”, which this file does not declare with <source id=\"%s\">"),
                   program->id, tokens[i], tokens[i]);
        if (g_hash_table_contains (l->listed, tokens[i]))
          problem (l, node, SC_ERROR_INVALID,
                   _("program “%s” lists the source “%s” twice in sources=\"…\"; list each source once"),
                   program->id, tokens[i]);
        g_ptr_array_add (ids, g_strdup (tokens[i]));
        g_hash_table_add (l->listed, ids->pdata[ids->len - 1]);
      }
    g_ptr_array_add (ids, NULL);
    program->source_ids = (char **) g_ptr_array_free (ids, FALSE);
  }

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (is_element (child, "headline"))
      read_headline (l, child, program);

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (is_element (child, "group"))
      {
        ScStackGroup *group = sc_stack_group_new_empty ();
        group->line = sc_xml_node_line (child);
        group->id = prop (child, "id");
        group->mode = sc_xml_read_enum (child, "mode", &sc_stacking_table, SC_STACK_ADDITIVE);
        for (guint i = 0; i < program->groups->len; i++)
          if (g_strcmp0 (((ScStackGroup *) g_ptr_array_index (program->groups, i))->id, group->id) == 0)
            problem (l, child, SC_ERROR_INVALID, _("the group id “%s” is declared twice in program “%s”"),
                     group->id, program->id);
        g_ptr_array_add (program->groups, group);
      }

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (is_element (child, "measure"))
      read_measure (l, child, program);
  g_clear_pointer (&l->listed, g_hash_table_unref);
}

static void
read_source (Loader  *l,
             xmlNode *node)
{
  ScSource *source = sc_source_new_empty ();

  source->line = sc_xml_node_line (node);
  source->id = prop (node, "id");
  source->file = prop (node, "file");
  source->publisher = prop (node, "publisher");
  source->url = prop (node, "url");
  source->published = read_date (l, node, "published");
  read_texts (l, node, "title", &source->title);
  if (sc_program_file_find_source (l->file, source->id) != NULL)
    problem (l, node, SC_ERROR_INVALID, _("the source id “%s” is declared twice (first on line %u)"),
             source->id, sc_program_file_find_source (l->file, source->id)->line);
  sc_program_file_add_source (l->file, source);
}

static void
read_baseline (Loader  *l,
               xmlNode *node)
{
  ScBaseline *baseline = sc_baseline_new_empty ();

  g_ptr_array_add (l->file->baselines, baseline);
  baseline->line = sc_xml_node_line (node);
  baseline->origin = g_strdup (l->path);
  baseline->platform = prop (node, "platform");
  baseline->revision = read_revision (l, node);
  read_texts (l, node, "name", &baseline->name);

  for (guint i = 0; i + 1 < l->file->baselines->len; i++)
    if (g_strcmp0 (((ScBaseline *) g_ptr_array_index (l->file->baselines, i))->platform, baseline->platform) == 0)
      problem (l, node, SC_ERROR_INVALID, _("a baseline for “%s” is given twice in this file"), baseline->platform);

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      ScBaselineItem *item;
      g_autofree char *what = NULL;
      g_autofree char *value = NULL;
      NumKind kind;

      if (!is_element (child, "fee"))
        continue;
      item = sc_baseline_item_new_empty ();
      g_ptr_array_add (baseline->items, item);
      item->line = sc_xml_node_line (child);
      item->fee = sc_xml_read_enum (child, "kind", &sc_fee_table, SC_FEE_COMMISSION);
      item->category = prop (child, "category");
      if (item->category != NULL && !sc_reader_choice_known (sc_field_info (SC_FIELD_CATEGORY), item->category))
        {
          g_autofree char *list = sc_reader_choices_list (sc_field_info (SC_FIELD_CATEGORY));
          problem (l, child, SC_ERROR_INVALID, _("unknown category “%s”; expected one of: %s"), item->category, list);
        }
      for (guint i = 0; i + 1 < baseline->items->len; i++)
        {
          ScBaselineItem *other = g_ptr_array_index (baseline->items, i);
          if (other->fee == item->fee && g_strcmp0 (other->category, item->category) == 0)
            problem (l, child, SC_ERROR_INVALID, _("the %s fee%s%s is given twice in this baseline"),
                     sc_fee_to_string (item->fee), item->category ? " / " : "",
                     item->category ? item->category : "");
        }

      switch (item->fee)
        {
        case SC_FEE_COMMISSION:
        case SC_FEE_PROMOTION:
          kind = NUM_FRACTION;
          break;
        case SC_FEE_SETTLEMENT_DAYS:
          kind = NUM_DAYS;
          break;
        case SC_FEE_RETURN_SHIPPING:
        case SC_FEE_DEPOSIT:
        default:
          kind = NUM_AMOUNT;
          break;
        }
      what = g_strdup_printf (_("the %s fee"), sc_fee_to_string (item->fee));
      value = prop (child, "value");
      item->value.value = parse_value (l, child, value);
      item->value.set = TRUE;
      item->value.line = item->line;
      sc_reader_read_basis (l, child, &item->value, what, kind == NUM_FRACTION,
                  sc_reader_check_range (l, child, what, item->value.value, kind, SC_N_FIELDS));
    }
}

static void
check_setting (Loader     *l,
               xmlNode    *node,
               ScField     field,
               const char *value)
{
  const ScFieldInfo *info = sc_field_info (field);

  switch (info->type)
    {
    case SC_FIELD_TYPE_DATE:
      if (sc_day_parse (value) == SC_DAY_NONE)
        problem (l, node, SC_ERROR_VALUE, _("“%s” is not a real date for “%s”; expected YYYY-MM-DD"), value, info->name);
      break;
    case SC_FIELD_TYPE_BOOL:
    case SC_FIELD_TYPE_CHOICE:
      if (!sc_reader_choice_known (info, value))
        {
          g_autofree char *list = sc_reader_choices_list (info);
          problem (l, node, SC_ERROR_VALUE, _("“%s” is not a value of “%s”; expected one of: %s"), value, info->name, list);
        }
      break;
    case SC_FIELD_TYPE_NUMBER:
    case SC_FIELD_TYPE_MONEY:
    case SC_FIELD_TYPE_FRACTION:
    default:
      {
        double v = 0;
        g_autofree char *what = g_strdup_printf (_("the value of “%s”"), info->name);

        if (!sc_xml_parse_number (value, &v))
          problem (l, node, SC_ERROR_VALUE, _("“%s” is not a number; “%s” needs %s"), value, info->name,
                   sc_reader_field_type_words (info->type));
        else
          sc_reader_check_range (l, node, what, v, NUM_FIELD, field);
      }
      break;
    }
}

static const ScProgram *
file_find_program (ScProgramFile *file,
                   const char    *id)
{
  for (guint i = 0; i < file->programs->len; i++)
    if (g_strcmp0 (((ScProgram *) g_ptr_array_index (file->programs, i))->id, id) == 0)
      return g_ptr_array_index (file->programs, i);
  return NULL;
}

static void
read_example (Loader  *l,
              xmlNode *node)
{
  ScExample *example = sc_example_new_empty ();
  g_autofree char *horizon = prop (node, "horizon");

  g_ptr_array_add (l->file->examples, example);
  example->line = sc_xml_node_line (node);
  example->origin = g_strdup (l->path);
  example->id = prop (node, "id");
  example->as_of = read_date (l, node, "as-of");
  if (horizon != NULL)
    {
      guint64 h = 0;
      if (!g_ascii_string_to_unsigned (horizon, 10, 1, 1200, &h, NULL))
        problem (l, node, SC_ERROR_VALUE, _("horizon “%s” must be a whole number of months from 1 to 1200"), horizon);
      example->horizon_months = (guint) h;
    }
  read_texts (l, node, "title", &example->title);

  for (guint i = 0; i + 1 < l->file->examples->len; i++)
    if (g_strcmp0 (((ScExample *) g_ptr_array_index (l->file->examples, i))->id, example->id) == 0)
      problem (l, node, SC_ERROR_INVALID, _("the example id “%s” is used twice in this file"), example->id);

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (is_element (child, "set"))
        {
          ScExampleSetting setting = { SC_N_FIELDS, NULL };
          g_autofree char *value = prop (child, "value");

          if (!sc_reader_read_field (l, child, "field", &setting.field))
            continue;
          for (guint i = 0; i < example->settings->len; i++)
            if (g_array_index (example->settings, ScExampleSetting, i).field == setting.field)
              problem (l, child, SC_ERROR_INVALID, _("the field “%s” is set twice in example “%s”"),
                       sc_field_info (setting.field)->name, example->id);
          check_setting (l, child, setting.field, value != NULL ? value : "");
          setting.value = g_steal_pointer (&value);
          g_array_append_val (example->settings, setting);
        }
      else if (is_element (child, "expect"))
        {
          ScExampleExpect *expect = sc_example_expect_new_empty ();
          g_autofree char *value = prop (child, "value");
          g_autofree char *tolerance = prop (child, "tolerance");
          const ScProgram *program;

          g_ptr_array_add (example->expects, expect);
          expect->line = sc_xml_node_line (child);
          expect->program_id = prop (child, "program");
          expect->measure_id = prop (child, "measure");
          expect->status = prop (child, "status");
          expect->what = prop (child, "what");
          if (expect->what == NULL)
            expect->what = g_strdup (expect->status != NULL ? "status" : "cash");
          expect->value = parse_value (l, child, value);
          expect->tolerance = tolerance != NULL ? parse_value (l, child, tolerance) : 0.0;

          if (g_str_equal (expect->what, "status") && expect->status == NULL)
            problem (l, child, SC_ERROR_INVALID, _("<expect what=\"status\"> needs a status=\"…\""));
          else if (!g_str_equal (expect->what, "status") && value == NULL)
            problem (l, child, SC_ERROR_INVALID, _("<expect what=\"%s\"> needs a value=\"…\""), expect->what);
          if (value != NULL)
            sc_reader_check_range (l, child, _("the expected value"), fabs (expect->value), NUM_AMOUNT, SC_N_FIELDS);
          if (tolerance != NULL)
            sc_reader_check_range (l, child, _("the tolerance"), expect->tolerance, NUM_AMOUNT, SC_N_FIELDS);

          program = file_find_program (l->file, expect->program_id);
          if (program == NULL)
            problem (l, child, SC_ERROR_INVALID,
                     _("the example expects a result of program “%s”, which this file does not define"),
                     expect->program_id);
          else if (expect->measure_id != NULL)
            {
              gboolean found = FALSE;
              for (guint i = 0; i < program->measures->len && !found; i++)
                found = g_strcmp0 (((ScMeasure *) g_ptr_array_index (program->measures, i))->id,
                                   expect->measure_id) == 0;
              if (!found)
                problem (l, child, SC_ERROR_INVALID,
                         _("the example expects a result of measure “%s”, which program “%s” does not have"),
                         expect->measure_id, expect->program_id);
            }
        }
    }
}

/* ------------------------------------------------------------------ */
/* Entry points                                                        */
/* ------------------------------------------------------------------ */

/* The first element of @name beyond @max among @parent's children, if any. */
static xmlNode *
nth_child_beyond (xmlNode    *parent,
                  const char *name,
                  guint       max)
{
  guint n = 0;

  for (xmlNode *child = parent->children; child != NULL; child = child->next)
    if (is_element (child, name) && ++n > max)
      return child;
  return NULL;
}

static gboolean
check_counts (Loader  *l,
              xmlNode *root)
{
  static const struct
  {
    const char *name;
    guint       max;
  } per_file[] = {
    { "source", SC_PROGRAM_READER_MAX_SOURCES },
    { "baseline", SC_PROGRAM_READER_MAX_BASELINES },
    { "program", SC_PROGRAM_READER_MAX_PROGRAMS },
    { "example", SC_PROGRAM_READER_MAX_EXAMPLES },
  };
  xmlNode *beyond;

  for (guint i = 0; i < G_N_ELEMENTS (per_file); i++)
    if ((beyond = nth_child_beyond (root, per_file[i].name, per_file[i].max)) != NULL)
      {
        problem (l, beyond, SC_ERROR_TOO_LARGE,
                 _("more than %u <%s> elements in one file; split it into several files"),
                 per_file[i].max, per_file[i].name);
        return FALSE;
      }
  for (xmlNode *child = root->children; child != NULL; child = child->next)
    if (is_element (child, "program")
        && (beyond = nth_child_beyond (child, "measure", SC_PROGRAM_READER_MAX_MEASURES)) != NULL)
      {
        problem (l, beyond, SC_ERROR_TOO_LARGE,
                 _("more than %u measures in one program; no support program has that many"),
                 SC_PROGRAM_READER_MAX_MEASURES);
        return FALSE;
      }
  return TRUE;
}

static ScProgramFile *
load_doc (xmlDoc      *doc,
          const char  *path,
          GError     **error)
{
  Loader l = { 0 };
  xmlNode *root;
  g_autoptr(ScProgramFile) file = NULL;

  if (!sc_xml_validate (doc, "program.rng", path, error))
    return NULL;

  root = xmlDocGetRootElement (doc);
  file = sc_program_file_new_empty (path);
  l.path = path;
  sc_xml_problems_init (&l.problems, path);
  l.file = file;
  file->license = prop (root, "license");

  /* Ids are checked for duplicates one by one: bound the counts first, or a
   * hostile file of 60,000 sources takes many seconds (quadratic). */
  if (!check_counts (&l, root))
    {
      sc_xml_problems_finish (&l.problems, error);
      return NULL;
    }

  /* Sources first: everything else refers to them wherever they are written. */
  for (xmlNode *child = root->children; child != NULL; child = child->next)
    if (is_element (child, "source"))
      read_source (&l, child);
  for (xmlNode *child = root->children; child != NULL; child = child->next)
    {
      if (is_element (child, "baseline"))
        read_baseline (&l, child);
      else if (is_element (child, "program"))
        read_program (&l, child);
    }
  for (xmlNode *child = root->children; child != NULL; child = child->next)
    if (is_element (child, "example"))
      read_example (&l, child);

  if (!sc_xml_problems_finish (&l.problems, error))
    return NULL;
  return g_steal_pointer (&file);
}

/**
 * sc_program_reader_load_memory:
 * @data: the bytes of a program file
 * @length: their length
 * @display_name: the name used in messages, usually the path
 * @error: return location for the problems, one per line
 *
 * Returns: (transfer full) (nullable): the file, or %NULL when refused.
 */
ScProgramFile *
sc_program_reader_load_memory (const char  *data,
                               gsize        length,
                               const char  *display_name,
                               GError     **error)
{
  g_autoptr(xmlDoc) doc = NULL;
  ScProgramFile *file;

  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* The very bytes of a bundled file: what the reader made of them when
   * building (sc-program-cache.h). Any other bytes are read in full. */
  file = sc_program_cache_lookup (data, length, display_name);
  if (file != NULL)
    return file;
  doc = sc_xml_read_memory (data, length, display_name, error);
  if (doc == NULL)
    return NULL;
  return load_doc (doc, display_name, error);
}

/**
 * sc_program_reader_load_file:
 * @path: a program file
 * @error: return location for the problems, one per line
 *
 * Returns: (transfer full) (nullable): the file, or %NULL when refused.
 */
ScProgramFile *
sc_program_reader_load_file (const char  *path,
                             GError     **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = sc_xml_read_bytes (path, &length, error);
  if (data == NULL)
    return NULL;
  return sc_program_reader_load_memory (data, length, path, error);
}
