/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "sc-chart-palette.h"
#include "sc-client-report.h"

G_BEGIN_DECLS

/*
 * The client report's pages: a cursor that flows text and tables down the
 * page and starts a new one when the next block does not fit. The report
 * runs twice through the same writer: first without a cairo_t, to count the
 * pages ("Page 2 of 9" needs the total), then drawing. Text is measured in
 * one Pango context that never takes options from a surface, so both runs
 * break lines and pages at the same places.
 */

typedef enum
{
  SC_REPORT_STYLE_BODY,
  SC_REPORT_STYLE_SMALL,
  SC_REPORT_STYLE_QUOTE,
  SC_REPORT_STYLE_H2,
  SC_REPORT_STYLE_H1,
  SC_REPORT_STYLE_TITLE,
  SC_REPORT_STYLE_BIG,        /* a key figure */
  SC_REPORT_STYLE_TABLE,
  SC_REPORT_STYLE_TABLE_BOLD,
  SC_REPORT_STYLE_RUNNING,    /* running header and footer */
  SC_REPORT_N_STYLES
} ScReportStyle;

typedef struct
{
  /* the page */
  double         width;
  double         height;
  double         margin;        /* left and right */
  double         top;           /* where the body starts */
  double         bottom;        /* where it must end */
  double         unit;          /* type scale: 1 on A4 */
  gboolean       slides;
  /* the run */
  cairo_t       *cr;            /* NULL while counting pages */
  PangoContext  *context;
  PangoLayout   *pl;
  GHashTable    *heights;       /* "style width text" → double*: measured heights */
  double         y;
  guint          page;          /* 1-based; 0 before the first */
  guint          n_pages;       /* known while drawing; 0 while counting */
  gboolean       decorated;     /* the current page has the running header */
  /* running header and footer */
  char          *header_left;   /* the client */
  char          *header_right;  /* the report's title */
  char          *footer_left;   /* data revision and version */
} ScReportWriter;

typedef enum
{
  SC_REPORT_ROW_PLAIN = 0,
  SC_REPORT_ROW_BOLD  = 1 << 0,   /* a total */
  SC_REPORT_ROW_GROUP = 1 << 1,   /* a group heading: first cell across the table */
} ScReportRowFlags;

typedef struct
{
  const char *title;
  double      weight;      /* share of the table's width */
  gboolean    numeric;     /* right-aligned */
} ScReportColumn;

typedef struct
{
  GArray     *columns;     /* ScReportColumn */
  GPtrArray  *rows;        /* ScReportRow* */
} ScReportTable;

void            sc_report_writer_init        (ScReportWriter      *w,
                                              ScClientReportLayout layout,
                                              const char          *lang);
void            sc_report_writer_clear       (ScReportWriter      *w);
/* Starts a run: @cr NULL counts pages; else draws, knowing @n_pages. */
void            sc_report_writer_begin       (ScReportWriter      *w,
                                              cairo_t             *cr,
                                              guint                n_pages);
/* Ends the current page (if any) and starts the next. */
void            sc_report_writer_new_page    (ScReportWriter      *w,
                                              gboolean             decorated);
/* Moves on to a new page unless @height still fits below the cursor. */
void            sc_report_writer_need        (ScReportWriter      *w,
                                              double               height);
void            sc_report_writer_space       (ScReportWriter      *w,
                                              double               height);
/* Height of @text in @style wrapped at @width. */
double          sc_report_writer_measure     (ScReportWriter      *w,
                                              const char          *text,
                                              ScReportStyle        style,
                                              double               width);
/* Draws @text at (@x, @y) wrapped at @width (when drawing); returns its height. */
double          sc_report_writer_text_at     (ScReportWriter      *w,
                                              const char          *text,
                                              ScReportStyle        style,
                                              double               x,
                                              double               y,
                                              double               width,
                                              PangoAlignment       align,
                                              ScChartInk           ink);
/* A paragraph across the body, at the cursor, on a new page if it does not fit. */
void            sc_report_writer_paragraph   (ScReportWriter      *w,
                                              const char          *text,
                                              ScReportStyle        style,
                                              ScChartInk           ink);
/* A section heading that keeps @keep points of what follows on its page;
 * and is a bookmark of the PDF. */
void            sc_report_writer_heading     (ScReportWriter      *w,
                                              const char          *text,
                                              double               keep);
double          sc_report_writer_body_width  (const ScReportWriter *w);

ScReportTable  *sc_report_table_new          (void);
void            sc_report_table_free         (ScReportTable       *table);
void            sc_report_table_add_column   (ScReportTable       *table,
                                              const char          *title,
                                              double               weight,
                                              gboolean             numeric);
/* Adds a row of one cell per column (copied); NULL cells are empty. */
void            sc_report_table_add_row      (ScReportTable       *table,
                                              ScReportRowFlags     flags,
                                              const char *const   *cells);
/* Draws @table at the cursor, breaking between rows onto new pages, where
 * @continued is set above the repeated column header. */
void            sc_report_writer_table       (ScReportWriter      *w,
                                              const ScReportTable *table,
                                              const char          *continued);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScReportTable, sc_report_table_free)

G_END_DECLS
