/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-core"

#include "config.h"

#include "sc-xlsx.h"

#include "sc-error.h"
#include "sc-file.h"
#include "sc-text-width.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

/* Excel's limit on the text of one cell. */
#define CELL_MAX 32767
/* Columns wider than this wrap their text. */
#define WIDTH_MAX 60.0

/* Yuan (zh-CN locale 804) with two decimals; counts whole. */
#define FORMAT_YUAN "[$\xC2\xA5-804]#,##0.00;-[$\xC2\xA5-804]#,##0.00"
#define FORMAT_COUNT "#,##0"
#define FORMAT_DATE "yyyy-mm-dd"

void
sc_xlsx_check (ScXlsxBook *b,
               lxw_error   status)
{
  if (b->status == LXW_NO_ERROR)
    b->status = status;
}

void
sc_xlsx_fit (ScXlsxSheet *s,
             guint        col,
             double       width)
{
  if (col < SC_XLSX_N_WIDTHS)
    s->widths[col] = MAX (s->widths[col], width);
}

/* Text as text: worksheet_write_string never makes a formula of it. */
void
sc_xlsx_put_text (ScXlsxSheet *s,
                  guint        row,
                  guint        col,
                  const char  *text,
                  lxw_format  *format)
{
  g_autofree char *cut = NULL;
  g_auto (GStrv) lines = NULL;

  if (text == NULL || *text == '\0')
    return;
  if (strlen (text) > CELL_MAX)
    {
      const char *end = text + CELL_MAX;

      while (end > text && (*end & 0xC0) == 0x80)
        end--;
      text = cut = g_strndup (text, end - text);
    }
  sc_xlsx_check (s->book, worksheet_write_string (s->ws, row, col, text, format));
  /* The longest line decides the width. */
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    sc_xlsx_fit (s, col, sc_text_width (lines[i]) + 2);
}

void
sc_xlsx_put_number (ScXlsxSheet *s,
                    guint        row,
                    guint        col,
                    double       value,
                    gboolean     count)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    return;
  if (fabs (value) < 0.005)
    value = 0;
  sc_xlsx_check (s->book, worksheet_write_number (s->ws, row, col, value, count ? s->book->count : s->book->yuan));
  g_ascii_formatd (buf, sizeof buf, "%.2f", fabs (value));
  /* Digits, group separators, the sign and the yuan sign. */
  sc_xlsx_fit (s, col, strlen (buf) * 4 / 3.0 + 4);
}

void
sc_xlsx_put_plain (ScXlsxSheet *s,
                   guint        row,
                   guint        col,
                   double       value)
{
  sc_xlsx_check (s->book, worksheet_write_number (s->ws, row, col, value, NULL));
}

void
sc_xlsx_put_date (ScXlsxSheet *s,
                  guint        row,
                  guint        col,
                  ScDay        day)
{
  lxw_datetime dt = { 0 };
  int y, m, d;

  if (day == SC_DAY_NONE)
    return;
  sc_day_to_ymd (day, &y, &m, &d);
  dt.year = y;
  dt.month = m;
  dt.day = d;
  sc_xlsx_check (s->book, worksheet_write_datetime (s->ws, row, col, &dt, s->book->date));
  sc_xlsx_fit (s, col, 12);
}

void
sc_xlsx_put_header (ScXlsxSheet        *s,
                    guint               row,
                    const char *const  *heads,
                    guint               n)
{
  for (guint c = 0; c < n; c++)
    sc_xlsx_put_text (s, row, c, heads[c], s->book->head);
  worksheet_freeze_panes (s->ws, row + 1, 0);
}

void
sc_xlsx_sheet_open (ScXlsxSheet *s,
                    ScXlsxBook  *b,
                    const char  *name)
{
  memset (s, 0, sizeof *s);
  s->book = b;
  s->name = g_strdup (name);
  s->ws = workbook_add_worksheet (b->book, name);
  if (s->ws == NULL)
    {
      sc_xlsx_check (b, LXW_ERROR_MEMORY_MALLOC_FAILED);
      g_clear_pointer (&s->name, g_free);
    }
}

void
sc_xlsx_sheet_close (ScXlsxSheet *s)
{
  for (guint c = 0; s->ws != NULL && c < SC_XLSX_N_WIDTHS; c++)
    if (s->widths[c] > 0)
      sc_xlsx_check (s->book, worksheet_set_column (s->ws, c, c, MIN (s->widths[c], WIDTH_MAX),
                                                    s->widths[c] > WIDTH_MAX ? s->book->wrap : NULL));
  g_clear_pointer (&s->name, g_free);
}

/* A native chart: the consultant restyles it in Excel, WPS or LibreOffice. */
void
sc_xlsx_add_chart (ScXlsxSheet       *s,
                   const ScXlsxChart *c)
{
  lxw_chart *chart = workbook_add_chart (s->book->book, c->type);

  if (chart == NULL)
    {
      sc_xlsx_check (s->book, LXW_ERROR_MEMORY_MALLOC_FAILED);
      return;
    }
  for (guint i = 0; i < c->n_cols; i++)
    {
      lxw_chart_series *series = chart_add_series (chart, NULL, NULL);

      if (series == NULL)
        {
          sc_xlsx_check (s->book, LXW_ERROR_MEMORY_MALLOC_FAILED);
          continue;
        }
      chart_series_set_categories (series, s->name, c->first_row, c->category_col, c->last_row, c->category_col);
      chart_series_set_values (series, s->name, c->first_row, c->cols[i], c->last_row, c->cols[i]);
      chart_series_set_name_range (series, s->name, c->head_row, c->cols[i]);
    }
  chart_title_set_name (chart, c->title);
  chart_axis_set_num_format (chart->y_axis, "#,##0");
  if (c->axis != NULL)
    chart_axis_set_name (chart->y_axis, c->axis);
  chart_legend_set_position (chart, LXW_CHART_LEGEND_BOTTOM);
  sc_xlsx_check (s->book, worksheet_insert_chart (s->ws, c->at_row, c->at_col, chart));
}

static void
formats (ScXlsxBook *b)
{
  b->head = workbook_add_format (b->book);
  format_set_bold (b->head);
  format_set_bottom (b->head, LXW_BORDER_THIN);
  format_set_bg_color (b->head, 0xEEEEEE);
  format_set_text_wrap (b->head);
  format_set_align (b->head, LXW_ALIGN_VERTICAL_TOP);
  b->title = workbook_add_format (b->book);
  format_set_bold (b->title);
  format_set_font_size (b->title, 14);
  b->yuan = workbook_add_format (b->book);
  format_set_num_format (b->yuan, FORMAT_YUAN);
  b->count = workbook_add_format (b->book);
  format_set_num_format (b->count, FORMAT_COUNT);
  b->date = workbook_add_format (b->book);
  format_set_num_format (b->date, FORMAT_DATE);
  format_set_align (b->date, LXW_ALIGN_LEFT);
  b->wrap = workbook_add_format (b->book);
  format_set_text_wrap (b->wrap);
  format_set_align (b->wrap, LXW_ALIGN_VERTICAL_TOP);
}

gboolean
sc_xlsx_book_open (ScXlsxBook  *b,
                   const char  *lang,
                   const char  *title,
                   GError     **error)
{
  static char generator[] = "shangce " PACKAGE_VERSION;
  g_autoptr(GError) local = NULL;
  lxw_workbook_options options = { 0 };
  lxw_doc_properties properties = { 0 };

  memset (b, 0, sizeof *b);
  b->lang = lang != NULL && g_str_has_prefix (lang, "zh") ? "zh" : "en";
  /* libxlsxwriter writes a file by name; it goes to a private folder
   * first, then through the one writer of every output (a temporary file
   * beside the target, renamed; 0600 for client data). */
  b->dir = g_dir_make_tmp ("shangce-xlsx-XXXXXX", &local);
  if (b->dir == NULL)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_IO, "%s", local->message);
      return FALSE;
    }
  b->file = g_build_filename (b->dir, "book.xlsx", NULL);
  options.tmpdir = b->dir;
  b->book = workbook_new_opt (b->file, &options);
  if (b->book == NULL)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_IO, _("Cannot write the spreadsheet: %s"),
                   lxw_strerror (LXW_ERROR_CREATING_XLSX_FILE));
      g_rmdir (b->dir);
      g_clear_pointer (&b->dir, g_free);
      g_clear_pointer (&b->file, g_free);
      return FALSE;
    }
  properties.title = (char *) title;
  properties.comments = generator;
  sc_xlsx_check (b, workbook_set_properties (b->book, &properties));
  formats (b);
  return TRUE;
}

gboolean
sc_xlsx_book_close (ScXlsxBook  *b,
                    const char  *path,
                    GError     **error)
{
  g_autoptr(GError) local = NULL;
  g_autofree char *data = NULL;
  gsize size = 0;
  gboolean ok = FALSE;

  sc_xlsx_check (b, workbook_close (b->book));
  b->book = NULL;
  if (b->status != LXW_NO_ERROR)
    g_set_error (error, SC_ERROR, SC_ERROR_IO, _("Cannot write the spreadsheet: %s"), lxw_strerror (b->status));
  else if (!g_file_get_contents (b->file, &data, &size, &local))
    g_set_error (error, SC_ERROR, SC_ERROR_IO, "%s", local->message);
  else
    ok = sc_file_write (path, data, size, SC_FILE_PRIVATE | SC_FILE_SYNC, error);
  g_unlink (b->file);
  g_rmdir (b->dir);
  g_clear_pointer (&b->file, g_free);
  g_clear_pointer (&b->dir, g_free);
  return ok;
}
