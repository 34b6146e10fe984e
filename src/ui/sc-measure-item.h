/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "sc-catalog.h"
#include "sc-engine.h"

G_BEGIN_DECLS

#define SC_TYPE_MEASURE_ITEM (sc_measure_item_get_type ())
G_DECLARE_FINAL_TYPE (ScMeasureItem, sc_measure_item, SC, MEASURE_ITEM, GObject)

/* One row of the measures table: the texts are copied from @result, so the
 * item outlives the result it was made from. */
typedef enum
{
  SC_MEASURE_COLUMN_PLATFORM,
  SC_MEASURE_COLUMN_PROGRAM,
  SC_MEASURE_COLUMN_MEASURE,
  SC_MEASURE_COLUMN_VALUE,
  SC_MEASURE_COLUMN_STATUS,
  SC_MEASURE_COLUMN_REASON,
  SC_MEASURE_COLUMN_CATEGORIES,
  SC_MEASURE_COLUMN_BASIS,
  SC_MEASURE_COLUMN_SOURCE,
  SC_MEASURE_N_COLUMNS
} ScMeasureColumn;

/* What the details of a measure show besides the columns. */
typedef enum
{
  SC_MEASURE_DETAIL_SUMMARY,
  SC_MEASURE_DETAIL_QUOTE,      /* the source sentence(s), unquoted */
  SC_MEASURE_DETAIL_SOURCE,     /* the source's title, publisher and date */
  SC_MEASURE_DETAIL_URL,        /* the source's address, or "" */
  SC_MEASURE_DETAIL_NUMBERS,    /* each number of the measure and its basis, one a line */
  SC_MEASURE_N_DETAILS
} ScMeasureDetail;

/* (transfer full) */
ScMeasureItem   *sc_measure_item_new        (ScCatalog             *catalog,
                                             const ScMeasureResult *result,
                                             const char            *lang);
/* The text of @column as shown. (transfer none) */
const char      *sc_measure_item_get_text   (ScMeasureItem         *self,
                                             ScMeasureColumn        column);
/* A detail as shown in the measure's details. (transfer none) */
const char      *sc_measure_item_get_detail (ScMeasureItem         *self,
                                             ScMeasureDetail        detail);
ScMeasureStatus  sc_measure_item_get_status (ScMeasureItem         *self);
/* The source calls the measure expected (预计), not yet in force. */
gboolean         sc_measure_item_get_expected (ScMeasureItem       *self);
/* The value in force (an expected measure's is 0: it is in the Value text only). */
double           sc_measure_item_get_value  (ScMeasureItem         *self);
/* "program-id/measure-id" (transfer none) */
const char      *sc_measure_item_get_key    (ScMeasureItem         *self);
/* TRUE when both rows show the same. */
gboolean         sc_measure_item_equal      (ScMeasureItem         *a,
                                             ScMeasureItem         *b);
/* Symbolic icon for the status. (transfer none) */
const char      *sc_measure_status_icon     (ScMeasureStatus        status);

G_END_DECLS
