/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A calendar day as a GDate Julian day number (1 = 0001-01-01); 0 = unset. */
typedef guint32 ScDay;
#define SC_DAY_NONE ((ScDay) 0)

ScDay     sc_day_from_ymd     (int year, int month, int day);
/* Parses "YYYY-MM-DD"; returns SC_DAY_NONE for anything else or a date that does not exist. */
ScDay     sc_day_parse        (const char *text);
/* Writes "YYYY-MM-DD" into @buf (at least 11 bytes). Returns @buf. */
char     *sc_day_format       (ScDay day, char *buf);
void      sc_day_to_ymd       (ScDay day, int *year, int *month, int *dayp);
ScDay     sc_day_add_months   (ScDay day, int months);

/**
 * ScWindow:
 * A half-open span of days: @start inclusive, @end exclusive. @end ==
 * SC_DAY_NONE means open-ended; @start == SC_DAY_NONE means "since always".
 */
typedef struct
{
  ScDay start;
  ScDay end;
} ScWindow;

gboolean  sc_window_contains  (const ScWindow *window, ScDay day);
/* Days of overlap between @window and [@from, @to). */
guint     sc_window_overlap   (const ScWindow *window, ScDay from, ScDay to);

/**
 * ScText:
 * A text in both languages the data carries. Either may be NULL.
 */
typedef struct
{
  char *zh;
  char *en;
} ScText;

void         sc_text_clear  (ScText *text);
void         sc_text_copy   (ScText *dest, const ScText *src);
/* The text in @lang ("zh…" → zh, anything else → en), falling back to the other; never NULL. */
const char  *sc_text_get    (const ScText *text, const char *lang);
/* The UI language of this process: "zh" or "en", from g_get_language_names(). */
const char  *sc_lang_current (void);

/**
 * ScBasis:
 * Where a number comes from. Every number Shangce shows keeps one.
 */
typedef enum
{
  SC_BASIS_STATED   = 1 << 0,   /* cited from a source sentence */
  SC_BASIS_ASSUMED  = 1 << 1,   /* an assumption with a note; the user may override */
  SC_BASIS_PROFILE  = 1 << 2,   /* taken from the merchant's profile */
  SC_BASIS_EXPECTED = 1 << 3,   /* of a measure the source calls expected (预计), not yet
                                 * in force: a result's flag, never a file's basis="…" */
} ScBasis;

/* "stated" "assumed" "profile" "expected" */
const char *sc_basis_to_string   (ScBasis basis);
/* A basis a file may give: "stated", "assumed" or "profile". */
gboolean    sc_basis_from_string (const char *s, ScBasis *out);

/**
 * ScNumber:
 * One number of a program file with its basis. @set is FALSE when the
 * file did not give the number. @note explains an assumption; @source_id
 * names the `<source>` a stated number is cited from (the measure's own
 * citation when NULL). An assumed number may carry a plausible range,
 * @low ≤ @value ≤ @high (@has_range; the note says why): the range
 * analysis (sc-range.h) moves it there. A <window-end> keeps its range as
 * days (exclusive ends, like end="…").
 */
typedef struct
{
  double    value;
  ScBasis   basis;
  gboolean  set;
  ScText    note;
  char     *source_id;
  guint     line;
  gboolean  has_range;
  double    low;
  double    high;
} ScNumber;

void sc_number_clear (ScNumber *number);

G_END_DECLS
