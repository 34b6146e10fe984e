/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "sc-catalog.h"
#include "sc-cli.h"
#include "sc-document.h"
#include "sc-profile.h"
#include "sc-report.h"

G_BEGIN_DECLS

typedef struct
{
  char     **files;          /* remaining arguments: files for --validate */
  char     **programs;       /* --programs FILE… (repeatable): extra program files */
  char      *profile;        /* --profile FILE */
  char     **profiles;       /* every --profile FILE; two only with --chart scenarios */
  char      *as_of;          /* --as-of YYYY-MM-DD */
  int        horizon;        /* --horizon MONTHS; 0 = the profile's */
  char      *format;         /* --format text|csv|json|xlsx */
  char      *output;         /* -o FILE; NULL = stdout */
  char      *export_path;    /* --export OUT.png|svg|pdf */
  char      *chart;          /* --chart KIND | list */
  char      *size;           /* --size WxH */
  double     scale;          /* --scale N */
  char      *lang;           /* --lang zh_CN|en */
  gboolean   no_footnote;    /* --no-footnote */
  gboolean   svg_text;       /* --svg-text: an SVG's text as <text>, the font named */
  char      *title;          /* --title: the exported chart's title, for a slide */
  char      *subtitle;       /* --subtitle */
  gboolean   no_bundled;     /* --no-bundled: only the files named */
  char      *batch_dir;      /* --batch-dir DIR */
  char      *out_dir;        /* --out DIR (--batch) */
  char     **charts;         /* --chart KIND… for --batch (every --chart) */
  gboolean   client_reports; /* --client-reports (--batch) */
  int        jobs;           /* --jobs N (--batch); 0 = every core */
  gboolean   csv_header;     /* --csv-header: rows saying what a CSV is before its table */
} ScCliOptions;

/* How sc_cli_open() loads. */
typedef enum
{
  SC_CLI_OPEN_WARN     = 1 << 0,  /* print problems of the bundled and user files as warnings */
  SC_CLI_OPEN_NEED_DAY = 1 << 1,  /* a profile without an evaluation date is a usage error */
} ScCliOpenFlags;

/*
 * What --report, --export and --headless share: checks --horizon and --as-of,
 * makes a document in @lang whose catalog holds the bundled and user programs
 * (unless --no-bundled) and each --programs file, and whose profile is
 * --profile (else the default example) with --as-of and --horizon applied.
 * On failure prints why, sets *status (1 invalid input, 2 usage) and returns
 * NULL; else sets *status to 0. (transfer full)
 */
ScDocument *sc_cli_open (ScCliOptions   *options,
                         ScLang          lang,
                         ScCliOpenFlags  flags,
                         int            *status);

/* sc_cli_open() with @profile in place of --profile. (transfer full) */
ScDocument *sc_cli_open_profile (ScCliOptions   *options,
                                 const char     *profile,
                                 ScLang          lang,
                                 ScCliOpenFlags  flags,
                                 int            *status);
/* Writes @bytes to @path, or standard output when @path is NULL or "-";
 * prints why on failure. */
gboolean    sc_cli_write_output (const char     *path,
                                 GBytes         *bytes);

/* --format @name: text, csv, json or xlsx; TRUE (and @format unchanged)
 * for NULL. */
gboolean    sc_cli_parse_format (const char     *name,
                                 ScReportFormat *format);
/* FALSE, saying why, when -o @output is no file a workbook can go to
 * (missing, "-", a terminal). */
gboolean    sc_cli_xlsx_output_ok (const char   *output);

/* FALSE, saying why, when --csv-header is given with a @format other than CSV. */
gboolean    sc_cli_csv_header_ok         (ScCliOptions    *options,
                                          ScReportFormat   format);
/* --csv-header: @csv (a CSV Shangce wrote) with "# @title", then "# key"
 * and value rows from @rows (char*: key, value, key, value…), the version
 * and @lang ("zh" or "en") first, and an empty line. (transfer full) */
GBytes     *sc_cli_csv_with_header       (GBytes          *csv,
                                          const char      *title,
                                          GPtrArray       *rows,
                                          const char      *lang);
/* Adds the rows that say whose numbers @result holds: "# profile@suffix",
 * evaluation date, horizon and data revision (@suffix "" or "-a", "-b"). */
void        sc_cli_csv_header_add_result (GPtrArray       *rows,
                                          const char      *suffix,
                                          const ScProfile *profile,
                                          const ScResult  *result);

/* Each returns the process exit status: 0 success, 1 invalid input, 2 usage. */
int sc_cli_validate      (ScCliOptions *options);
int sc_cli_list_programs (ScCliOptions *options);
int sc_cli_report        (ScCliOptions *options);
int sc_cli_export        (ScCliOptions *options);
/* --compare A B: the two scenarios side by side (sc-compare-report.h). */
int sc_cli_compare       (ScCliOptions *options);
/* --batch FILE… | --batch-dir DIR --out DIR: a summary and per-client outputs. */
int sc_cli_batch         (ScCliOptions *options);
/* No display: writes the report and the overview chart of a bundled example and says where. */
int sc_cli_headless      (ScCliOptions *options);

G_END_DECLS
