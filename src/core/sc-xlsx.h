/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <xlsxwriter.h>

#include "sc-types.h"

G_BEGIN_DECLS

/*
 * What every workbook Shangce writes shares (the report, the comparison of
 * two scenarios, the batch summary): the same formats (yuan with two
 * decimals, whole counts, ISO dates, a bold header), cells written as what
 * they are (text is always text, never a formula; numbers are numbers;
 * dates are dates), frozen header rows, widths that fit the longest line,
 * native charts over the sheet's own cells, and one way to the disk
 * (sc_file_write(): a private file, replaced whole). Free of GTK.
 *
 * Not a GObject: a book lives on the stack of the function that writes it,
 * between sc_xlsx_book_open() and sc_xlsx_book_close().
 */

#define SC_XLSX_N_WIDTHS 48

typedef struct
{
  lxw_workbook *book;
  const char   *lang;     /* "zh" or "en" */
  lxw_format   *head;
  lxw_format   *title;
  lxw_format   *yuan;
  lxw_format   *count;
  lxw_format   *date;
  lxw_format   *wrap;
  lxw_error     status;   /* the first error, LXW_NO_ERROR if none */
  char         *dir;      /* private folder libxlsxwriter writes in */
  char         *file;
} ScXlsxBook;

typedef struct
{
  ScXlsxBook    *book;
  lxw_worksheet *ws;
  char          *name;
  double         widths[SC_XLSX_N_WIDTHS];
} ScXlsxSheet;

/* A native chart over columns of one sheet: rows @first_row to @last_row,
 * categories in @category_col, one series per column of @cols, each named
 * by its cell in @head_row. */
typedef struct
{
  lxw_chart_type  type;
  guint           head_row;
  guint           first_row;
  guint           last_row;
  guint           category_col;
  const guint    *cols;
  guint           n_cols;
  const char     *title;
  const char     *axis;    /* the value axis's name, or NULL */
  guint           at_row;  /* where its top-left corner goes */
  guint           at_col;
} ScXlsxChart;

/* Starts a workbook in @lang ("zh…" Chinese, else English) titled @title
 * in its properties. FALSE with @error set when no workbook can be made. */
gboolean sc_xlsx_book_open   (ScXlsxBook         *book,
                              const char         *lang,
                              const char         *title,
                              GError            **error);
/* Finishes the workbook and writes it to @path (0600) when every step went
 * well; frees what sc_xlsx_book_open() made, whatever happens. */
gboolean sc_xlsx_book_close  (ScXlsxBook         *book,
                              const char         *path,
                              GError            **error);
/* Keeps @status when it is the book's first error. */
void     sc_xlsx_check       (ScXlsxBook         *book,
                              lxw_error           status);

/* A new sheet called @name; sheet->ws is NULL (and the book failed) when
 * it cannot be made. Every opened sheet is closed: sc_xlsx_sheet_close(). */
void     sc_xlsx_sheet_open  (ScXlsxSheet        *sheet,
                              ScXlsxBook         *book,
                              const char         *name);
/* Sets the widths the cells asked for and frees the sheet's name. */
void     sc_xlsx_sheet_close (ScXlsxSheet        *sheet);
/* Makes column @col at least @width characters wide. */
void     sc_xlsx_fit         (ScXlsxSheet        *sheet,
                              guint               col,
                              double              width);

/* @text as a text cell (nothing for NULL or ""), cut at Excel's limit. */
void     sc_xlsx_put_text    (ScXlsxSheet        *sheet,
                              guint               row,
                              guint               col,
                              const char         *text,
                              lxw_format         *format);
/* @value in yuan, or a whole count when @count; nothing when not finite. */
void     sc_xlsx_put_number  (ScXlsxSheet        *sheet,
                              guint               row,
                              guint               col,
                              double              value,
                              gboolean            count);
/* A plain number (months, a count of lines) with no format. */
void     sc_xlsx_put_plain   (ScXlsxSheet        *sheet,
                              guint               row,
                              guint               col,
                              double              value);
/* @day as a date cell; nothing for SC_DAY_NONE. */
void     sc_xlsx_put_date    (ScXlsxSheet        *sheet,
                              guint               row,
                              guint               col,
                              ScDay               day);
/* A header row of @n cells from column 0, frozen with the rows above it. */
void     sc_xlsx_put_header  (ScXlsxSheet        *sheet,
                              guint               row,
                              const char *const  *heads,
                              guint               n);
/* Adds and places a native chart (see ScXlsxChart). */
void     sc_xlsx_add_chart   (ScXlsxSheet        *sheet,
                              const ScXlsxChart  *chart);

G_END_DECLS
