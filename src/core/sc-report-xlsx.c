/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-core"

#include "config.h"

#include "sc-report-xlsx.h"

#include "sc-compare.h"
#include "sc-error.h"
#include "sc-file.h"
#include "sc-text-width.h"
#include "sc-verdict.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <xlsxwriter.h>

/* Excel's limit on the text of one cell. */
#define CELL_MAX 32767
/* Columns wider than this wrap their text. */
#define WIDTH_MAX 60.0
#define N_WIDTHS 32

/* Yuan (zh-CN locale 804) with two decimals; counts whole. */
#define FORMAT_YUAN "[$\xC2\xA5-804]#,##0.00;-[$\xC2\xA5-804]#,##0.00"
#define FORMAT_COUNT "#,##0"
#define FORMAT_DATE "yyyy-mm-dd"

typedef struct
{
  lxw_workbook *book;
  const char   *lang;
  lxw_format   *head;
  lxw_format   *title;
  lxw_format   *yuan;
  lxw_format   *count;
  lxw_format   *date;
  lxw_format   *wrap;
  lxw_error     status;   /* the first error, LXW_NO_ERROR if none */
} Book;

typedef struct
{
  Book          *book;
  lxw_worksheet *ws;
  double         widths[N_WIDTHS];
} Sheet;

static void
check (Book      *b,
       lxw_error  status)
{
  if (b->status == LXW_NO_ERROR)
    b->status = status;
}

static void
fit (Sheet  *s,
     guint   col,
     double  width)
{
  if (col < N_WIDTHS)
    s->widths[col] = MAX (s->widths[col], width);
}

/* Text as text: worksheet_write_string never makes a formula of it. */
static void
put_text (Sheet      *s,
          guint       row,
          guint       col,
          const char *text,
          lxw_format *format)
{
  g_autofree char *cut = NULL;

  if (text == NULL || *text == '\0')
    return;
  if (strlen (text) > CELL_MAX)
    {
      const char *end = text + CELL_MAX;

      while (end > text && (*end & 0xC0) == 0x80)
        end--;
      text = cut = g_strndup (text, end - text);
    }
  check (s->book, worksheet_write_string (s->ws, row, col, text, format));
  /* The longest line decides the width. */
  {
    g_auto (GStrv) lines = g_strsplit (text, "\n", -1);

    for (guint i = 0; lines[i] != NULL; i++)
      fit (s, col, sc_text_width (lines[i]) + 2);
  }
}

static void
put_number (Sheet      *s,
            guint       row,
            guint       col,
            double      value,
            gboolean    count)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    return;
  if (fabs (value) < 0.005)
    value = 0;
  check (s->book, worksheet_write_number (s->ws, row, col, value, count ? s->book->count : s->book->yuan));
  g_ascii_formatd (buf, sizeof buf, "%.2f", fabs (value));
  /* Digits, group separators, the sign and the yuan sign. */
  fit (s, col, strlen (buf) * 4 / 3.0 + 4);
}

static void
put_date (Sheet  *s,
          guint   row,
          guint   col,
          ScDay   day)
{
  lxw_datetime dt = { 0 };
  int y, m, d;

  if (day == SC_DAY_NONE)
    return;
  sc_day_to_ymd (day, &y, &m, &d);
  dt.year = y;
  dt.month = m;
  dt.day = d;
  check (s->book, worksheet_write_datetime (s->ws, row, col, &dt, s->book->date));
  fit (s, col, 12);
}

static void
put_header (Sheet              *s,
            guint               row,
            const char *const  *heads,
            guint               n)
{
  for (guint c = 0; c < n; c++)
    put_text (s, row, c, heads[c], s->book->head);
  worksheet_freeze_panes (s->ws, row + 1, 0);
}

static void
sheet_open (Sheet      *s,
            Book       *b,
            const char *name)
{
  memset (s, 0, sizeof *s);
  s->book = b;
  s->ws = workbook_add_worksheet (b->book, name);
  if (s->ws == NULL)
    check (b, LXW_ERROR_MEMORY_MALLOC_FAILED);
}

static void
sheet_close (Sheet *s)
{
  for (guint c = 0; c < N_WIDTHS; c++)
    if (s->widths[c] > 0)
      check (s->book, worksheet_set_column (s->ws, c, c, MIN (s->widths[c], WIDTH_MAX),
                                            s->widths[c] > WIDTH_MAX ? s->book->wrap : NULL));
}

/* The platform's name as every report gives it: its baseline's, else its id. */
#define PLATFORM_NAME(pr, lang) ((pr)->baseline != NULL ? sc_text_get (&(pr)->baseline->name, (lang)) : (pr)->platform)

/* --- Summary ------------------------------------------------------------ */

/* The amounts after total, kept, tied and expected, as the text report lists them. */
static const ScAmount summary_amounts[] = {
  SC_AMOUNT_FEE_GROSS, SC_AMOUNT_FEE_REDUCTION, SC_AMOUNT_FEE_NET, SC_AMOUNT_CASH,
  SC_AMOUNT_AD_CREDIT, SC_AMOUNT_COUPON, SC_AMOUNT_TRAFFIC_EXPOSURES, SC_AMOUNT_TRAFFIC_VALUE,
  SC_AMOUNT_CASH_FLOW,
};

static gboolean
is_count (ScAmount amount)
{
  return amount == SC_AMOUNT_TRAFFIC_UNITS || amount == SC_AMOUNT_TRAFFIC_EXPOSURES;
}

static void
summary (Book            *b,
         const ScProfile *profile,
         const ScResult  *result)
{
  enum { COL_TOTAL = 1, COL_KEPT, COL_TIED, COL_SCORE, COL_EXPECTED, COL_AMOUNTS };
  const guint head_row = 6;
  const char *heads[COL_AMOUNTS + G_N_ELEMENTS (summary_amounts)];
  guint n_platforms = result->platforms->len;
  Sheet s;
  g_autofree char *sheet_name = g_strdup (_("Summary"));

  sheet_open (&s, b, sheet_name);
  if (s.ws == NULL)
    return;
  /* The title and the note may overflow their cells. */
  put_text (&s, 0, 0, _("Shangce estimate report"), b->title);
  put_text (&s, 4, 0, _("Money in yuan over the horizon; exposures in counts."), NULL);
  {
    g_autoptr(ScVerdict) verdict = sc_verdict_new (result, b->lang, NULL);

    /* What the ranking value column is: it overflows its cell. */
    put_text (&s, 5, 0, verdict->basis, NULL);
  }
  s.widths[0] = 0;
  put_text (&s, 1, 0, _("Profile"), b->head);
  put_text (&s, 1, 1, sc_profile_get_name (profile, b->lang), NULL);
  s.widths[1] = 0;
  put_text (&s, 2, 0, _("Evaluation date"), b->head);
  put_date (&s, 2, 1, result->as_of);
  put_text (&s, 3, 0, _("Horizon (months)"), b->head);
  check (b, worksheet_write_number (s.ws, 3, 1, result->horizon_months, NULL));
  put_text (&s, 3, 2, _("Horizon ends"), b->head);
  put_date (&s, 3, 3, result->horizon_end - 1);

  heads[0] = _("Platform");
  heads[COL_TOTAL] = sc_amount_label (SC_AMOUNT_TOTAL_VALUE);
  heads[COL_KEPT] = _("Money kept");
  heads[COL_TIED] = _("Tied to the platform");
  heads[COL_SCORE] = _("Ranking value");
  heads[COL_EXPECTED] = _("Expected, not in force");
  for (guint a = 0; a < G_N_ELEMENTS (summary_amounts); a++)
    heads[COL_AMOUNTS + a] = sc_amount_label (summary_amounts[a]);
  put_header (&s, head_row, heads, G_N_ELEMENTS (heads));

  for (guint p = 0; p < n_platforms; p++)
    {
      const ScPlatformResult *pr = g_ptr_array_index (result->platforms, p);
      guint row = head_row + 1 + p;

      put_text (&s, row, 0, PLATFORM_NAME (pr, b->lang), NULL);
      put_number (&s, row, COL_TOTAL, pr->totals[SC_AMOUNT_TOTAL_VALUE], FALSE);
      put_number (&s, row, COL_KEPT, sc_totals_kept (pr->totals), FALSE);
      put_number (&s, row, COL_TIED, sc_totals_tied (pr->totals), FALSE);
      put_number (&s, row, COL_SCORE, sc_result_platform_score (result, pr), FALSE);
      put_number (&s, row, COL_EXPECTED, pr->expected_totals[SC_AMOUNT_TOTAL_VALUE], FALSE);
      for (guint a = 0; a < G_N_ELEMENTS (summary_amounts); a++)
        put_number (&s, row, COL_AMOUNTS + a, pr->totals[summary_amounts[a]], is_count (summary_amounts[a]));
    }

  /* A native chart: the consultant restyles it in Excel, WPS or LibreOffice. */
  if (n_platforms > 0)
    {
      lxw_chart *chart = workbook_add_chart (b->book, LXW_CHART_COLUMN_STACKED);
      const guint cols[] = { COL_KEPT, COL_TIED };

      for (guint i = 0; chart != NULL && i < G_N_ELEMENTS (cols); i++)
        {
          lxw_chart_series *series = chart_add_series (chart, NULL, NULL);

          chart_series_set_categories (series, sheet_name, head_row + 1, 0, head_row + n_platforms, 0);
          chart_series_set_values (series, sheet_name, head_row + 1, cols[i], head_row + n_platforms, cols[i]);
          chart_series_set_name_range (series, sheet_name, head_row, cols[i]);
        }
      if (chart != NULL)
        {
          /* Translators: the title of the chart in the spreadsheet report */
          chart_title_set_name (chart, _("Money kept and value tied to the platform"));
          chart_axis_set_num_format (chart->y_axis, "#,##0");
          /* Translators: the value axis of the spreadsheet report's chart */
          chart_axis_set_name (chart->y_axis, _("Yuan over the horizon"));
          chart_legend_set_position (chart, LXW_CHART_LEGEND_BOTTOM);
          check (b, worksheet_insert_chart (s.ws, head_row + n_platforms + 2, 0, chart));
        }
      else
        check (b, LXW_ERROR_MEMORY_MALLOC_FAILED);
    }
  sheet_close (&s);
}

/* --- Measures ----------------------------------------------------------- */

/* The amounts of one measure (platform-level fees left out). */
static const ScAmount measure_amounts[] = {
  SC_AMOUNT_TOTAL_VALUE, SC_AMOUNT_FEE_REDUCTION, SC_AMOUNT_CASH, SC_AMOUNT_AD_CREDIT,
  SC_AMOUNT_COUPON, SC_AMOUNT_TRAFFIC_UNITS, SC_AMOUNT_TRAFFIC_EXPOSURES, SC_AMOUNT_TRAFFIC_VALUE,
  SC_AMOUNT_CASH_FLOW,
};

/* The basis of a number in words, one per ScBasis bit in bit order: the
 * client report's msgids, so both say it alike. */
static const char *const basis_labels[] = {
  N_("stated in the source"), N_("assumed"), N_("from the profile"), N_("expected (预计)"),
};
G_STATIC_ASSERT (SC_BASIS_STATED == 1 << 0 && SC_BASIS_ASSUMED == 1 << 1 && SC_BASIS_PROFILE == 1 << 2
                 && SC_BASIS_EXPECTED == 1 << 3);

static char *
basis_words (guint basis)
{
  GString *s = g_string_new (NULL);

  for (guint bit = 0; bit < G_N_ELEMENTS (basis_labels); bit++)
    if (basis & (1u << bit))
      g_string_append_printf (s, "%s%s", s->len ? _(", ") : "", _(basis_labels[bit]));
  return g_string_free (s, FALSE);
}

static char *
measure_notes (const ScMeasureResult *mr,
               const char            *lang)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (mr->expected)
    g_ptr_array_add (parts, g_strdup (_("Expected, not in force")));
  if (mr->cut_by_group)
    g_ptr_array_add (parts, g_strdup (_("not counted: another measure of its group counts instead")));
  if (mr->up_to)
    g_ptr_array_add (parts, g_strstrip (g_strdup (_("up to "))));
  for (guint r = 0; r < mr->reasons->len; r++)
    g_ptr_array_add (parts, g_strdup (g_ptr_array_index (mr->reasons, r)));
  for (guint t = 0; t < mr->texts->len; t++)
    g_ptr_array_add (parts, g_strdup (sc_text_get (g_ptr_array_index (mr->texts, t), lang)));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv ("\n", (char **) parts->pdata);
}

static void
measures (Book           *b,
          const ScResult *result)
{
  enum { COL_PLATFORM, COL_PROGRAM, COL_MEASURE, COL_STATUS, COL_AMOUNTS };
  const guint col_unit = COL_AMOUNTS + G_N_ELEMENTS (measure_amounts);
  const char *heads[G_N_ELEMENTS (measure_amounts) + COL_AMOUNTS + 3];
  Sheet s;

  sheet_open (&s, b, _("Measures"));
  if (s.ws == NULL)
    return;
  heads[COL_PLATFORM] = _("Platform");
  heads[COL_PROGRAM] = _("Program");
  heads[COL_MEASURE] = _("Measure");
  heads[COL_STATUS] = _("Status");
  for (guint a = 0; a < G_N_ELEMENTS (measure_amounts); a++)
    heads[COL_AMOUNTS + a] = sc_amount_label (measure_amounts[a]);
  /* Translators: a column of the spreadsheet report: what the traffic units
   * count (exposures, traffic coupons) */
  heads[col_unit] = _("Traffic counted in");
  heads[col_unit + 1] = _("Basis");
  heads[col_unit + 2] = _("Notes");
  put_header (&s, 0, heads, G_N_ELEMENTS (heads));

  for (guint i = 0; i < result->measures->len; i++)
    {
      const ScMeasureResult *mr = g_ptr_array_index (result->measures, i);
      const ScPlatformResult *pr = sc_result_find_platform (result, mr->program->platform);
      /* An expected (预计) measure's value is apart from every total, as in the text report. */
      const double *values = mr->expected ? mr->expected_totals : mr->totals;
      g_autofree char *basis = basis_words (mr->basis);
      g_autofree char *notes = measure_notes (mr, b->lang);
      guint row = i + 1;

      put_text (&s, row, COL_PLATFORM, pr != NULL ? PLATFORM_NAME (pr, b->lang) : mr->program->platform, NULL);
      put_text (&s, row, COL_PROGRAM, sc_text_get (&mr->program->name, b->lang), NULL);
      put_text (&s, row, COL_MEASURE, sc_text_get (&mr->measure->title, b->lang), NULL);
      put_text (&s, row, COL_STATUS, sc_measure_status_label (mr->status), NULL);
      for (guint a = 0; a < G_N_ELEMENTS (measure_amounts); a++)
        put_number (&s, row, COL_AMOUNTS + a, values[measure_amounts[a]], is_count (measure_amounts[a]));
      if (fabs (values[SC_AMOUNT_TRAFFIC_UNITS]) >= 0.005)
        put_text (&s, row, col_unit, sc_traffic_unit_label (mr->traffic_unit), NULL);
      put_text (&s, row, col_unit + 1, basis, NULL);
      put_text (&s, row, col_unit + 2, notes, b->wrap);
    }
  sheet_close (&s);
}

/* --- Assumptions -------------------------------------------------------- */

/* The engine writes "what: value (basis) — note", with a full-width colon
 * in Chinese and the dash right after "）". */
static void
split_assumption (const char  *line,
                  char       **what,
                  char       **value,
                  char       **note)
{
  const char *dash = strstr (line, "—");
  const char *colon = strstr (line, "：");
  const char *ascii = strstr (line, ": ");
  g_autofree char *head = NULL;

  head = dash != NULL ? g_strndup (line, dash - line) : g_strdup (line);
  *note = dash != NULL ? g_strstrip (g_strdup (dash + strlen ("—"))) : NULL;
  colon = strstr (head, "：");
  ascii = strstr (head, ": ");
  if (colon == NULL || (ascii != NULL && ascii < colon))
    colon = ascii;
  if (colon == NULL)
    {
      *what = g_strstrip (g_strdup (head));
      *value = NULL;
      return;
    }
  *what = g_strstrip (g_strndup (head, colon - head));
  *value = g_strstrip (g_strdup (colon + (g_str_has_prefix (colon, "：") ? strlen ("：") : 1)));
}

static void
assumptions (Book           *b,
             const ScResult *result)
{
  /* Translators: columns of the spreadsheet report's assumptions */
  const char *heads[] = { _("Assumption"), C_("assumption", "Value"), _("Note") };
  Sheet s;

  sheet_open (&s, b, _("Assumptions"));
  if (s.ws == NULL)
    return;
  put_header (&s, 0, heads, G_N_ELEMENTS (heads));
  for (guint i = 0; i < result->assumptions->len; i++)
    {
      g_autofree char *what = NULL, *value = NULL, *note = NULL;

      split_assumption (g_ptr_array_index (result->assumptions, i), &what, &value, &note);
      put_text (&s, i + 1, 0, what, NULL);
      put_text (&s, i + 1, 1, value, NULL);
      put_text (&s, i + 1, 2, note, b->wrap);
    }
  sheet_close (&s);
}

/* --- Sources ------------------------------------------------------------ */

typedef struct
{
  const ScSource *source;
  GString        *quotes;   /* “sentence” — measure, one a line */
  GHashTable     *seen;     /* the sentences already listed */
} SourceUse;

static void
source_use_free (gpointer data)
{
  SourceUse *use = data;

  g_string_free (use->quotes, TRUE);
  g_hash_table_unref (use->seen);
  g_free (use);
}

static void
sources (Book           *b,
         ScCatalog      *catalog,
         const ScResult *result)
{
  /* Translators: columns of the spreadsheet report's sources */
  const char *heads[] = { _("Title"), _("Publisher"), _("Date"), _("URL"), _("Quoted sentences") };
  g_autoptr(GPtrArray) uses = g_ptr_array_new_with_free_func (source_use_free);
  Sheet s;

  for (guint i = 0; i < result->measures->len; i++)
    {
      const ScMeasureResult *mr = g_ptr_array_index (result->measures, i);
      const ScSource *source = sc_catalog_find_source (catalog, mr->program, mr->measure->source_id);
      const char *quote = mr->measure->quote;
      SourceUse *use = NULL;

      if (source == NULL)
        continue;
      for (guint u = 0; u < uses->len && use == NULL; u++)
        if (((SourceUse *) g_ptr_array_index (uses, u))->source == source)
          use = g_ptr_array_index (uses, u);
      if (use == NULL)
        {
          use = g_new0 (SourceUse, 1);
          use->source = source;
          use->quotes = g_string_new (NULL);
          use->seen = g_hash_table_new (g_str_hash, g_str_equal);
          g_ptr_array_add (uses, use);
        }
      if (quote == NULL || *quote == '\0' || g_hash_table_contains (use->seen, quote))
        continue;
      g_hash_table_add (use->seen, (gpointer) quote);
      if (use->quotes->len)
        g_string_append_c (use->quotes, '\n');
      g_string_append_printf (use->quotes, _("“%s” — %s"), quote, sc_text_get (&mr->measure->title, b->lang));
    }

  sheet_open (&s, b, _("Sources"));
  if (s.ws == NULL)
    return;
  put_header (&s, 0, heads, G_N_ELEMENTS (heads));
  for (guint i = 0; i < uses->len; i++)
    {
      const SourceUse *use = g_ptr_array_index (uses, i);

      put_text (&s, i + 1, 0, sc_text_get (&use->source->title, b->lang), NULL);
      put_text (&s, i + 1, 1, use->source->publisher, NULL);
      put_date (&s, i + 1, 2, use->source->published);
      /* Text, not a link: a file's URL is data, and a cell never runs it. */
      put_text (&s, i + 1, 3, use->source->url, NULL);
      put_text (&s, i + 1, 4, use->quotes->str, b->wrap);
    }
  sheet_close (&s);
}

/* --- the workbook ------------------------------------------------------- */

static void
formats (Book *b)
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
sc_report_write_xlsx (ScCatalog       *catalog,
                      const ScProfile *profile,
                      const ScResult  *result,
                      const char      *lang,
                      const char      *path,
                      GError         **error)
{
  static char generator[] = "shangce " PACKAGE_VERSION;
  g_autoptr(GError) local = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *file = NULL;
  g_autofree char *data = NULL;
  g_autofree char *title = NULL;
  lxw_workbook_options options = { 0 };
  lxw_doc_properties properties = { 0 };
  Book b = { 0 };
  gsize size = 0;
  gboolean ok = FALSE;
  lxw_error status;

  g_return_val_if_fail (catalog != NULL && profile != NULL && result != NULL && path != NULL, FALSE);

  if (lang == NULL)
    lang = result->lang;
  b.lang = g_str_has_prefix (lang, "zh") ? "zh" : "en";

  /* libxlsxwriter writes a file by name; it goes to a private folder
   * first, then through the one writer of every output (a temporary file
   * beside @path, renamed; 0600 for client data). */
  dir = g_dir_make_tmp ("shangce-xlsx-XXXXXX", &local);
  if (dir == NULL)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_IO, "%s", local->message);
      return FALSE;
    }
  file = g_build_filename (dir, "report.xlsx", NULL);
  options.tmpdir = dir;
  b.book = workbook_new_opt (file, &options);
  if (b.book == NULL)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_IO, _("Cannot write the spreadsheet: %s"),
                   lxw_strerror (LXW_ERROR_CREATING_XLSX_FILE));
      g_rmdir (dir);
      return FALSE;
    }

  title = g_strdup_printf ("%s — %s", _("Shangce estimate report"), sc_profile_get_name (profile, b.lang));
  properties.title = title;
  properties.comments = generator;
  check (&b, workbook_set_properties (b.book, &properties));
  formats (&b);
  summary (&b, profile, result);
  measures (&b, result);
  assumptions (&b, result);
  sources (&b, catalog, result);

  status = workbook_close (b.book);
  if (b.status == LXW_NO_ERROR)
    b.status = status;
  if (b.status != LXW_NO_ERROR)
    g_set_error (error, SC_ERROR, SC_ERROR_IO, _("Cannot write the spreadsheet: %s"), lxw_strerror (b.status));
  else if (!g_file_get_contents (file, &data, &size, &local))
    g_set_error (error, SC_ERROR, SC_ERROR_IO, "%s", local->message);
  else
    ok = sc_file_write (path, data, size, SC_FILE_PRIVATE | SC_FILE_SYNC, error);
  g_unlink (file);
  g_rmdir (dir);
  return ok;
}
