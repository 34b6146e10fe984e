/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "sc-catalog.h"
#include "sc-document.h"
#include "sc-engine.h"
#include "sc-profile.h"

G_BEGIN_DECLS

/*
 * Two scenarios of a merchant side by side: each platform's total value in
 * scenario A and B and the difference, with the money the merchant keeps
 * (lower fees, cash, faster settlement) apart from the value tied to the
 * platform (ad credit, coupons, traffic), as the client report splits them;
 * and the measures whose status differs between the two. Free of GTK, so
 * the command line and the window share it.
 */

#define SC_COMPARE_N 2

/**
 * ScComparePlatform:
 * @platform: the platform id
 * @name: its name in the comparison's language
 * @present: FALSE when the scenario's result has no such platform (its
 *   numbers are then 0)
 * @total, @kept, @tied, @expected: per scenario (0 = A, 1 = B), in yuan over
 *   the scenario's horizon; @expected is kept apart from @total
 * @assumed: some number of the platform rests on an assumption
 */
typedef struct
{
  char     *platform;
  char     *name;
  gboolean  present[SC_COMPARE_N];
  double    total[SC_COMPARE_N];
  double    kept[SC_COMPARE_N];
  double    tied[SC_COMPARE_N];
  double    expected[SC_COMPARE_N];
  gboolean  assumed[SC_COMPARE_N];
} ScComparePlatform;

/* A measure whose status is not the same in both scenarios. */
typedef struct
{
  char            *platform;
  char            *program_id;
  char            *measure_id;
  char            *program_name;   /* in the comparison's language */
  char            *measure_name;
  ScMeasureStatus  status[SC_COMPARE_N];
} ScCompareChange;

/**
 * ScCompare:
 * @names: each scenario's profile name
 * @files: each scenario's file, or NULL
 * @platforms: ScComparePlatform*, sorted by platform id
 * @changes: ScCompareChange*, in the catalog order of scenario A's result
 */
typedef struct
{
  char       *lang;
  char       *names[SC_COMPARE_N];
  char       *files[SC_COMPARE_N];
  ScDay       as_of[SC_COMPARE_N];
  guint       horizon_months[SC_COMPARE_N];
  GPtrArray  *platforms;
  GPtrArray  *changes;
} ScCompare;

/* The amounts of money the merchant keeps (fee reduction, cash, cash-flow
 * value) and of value it can spend only on the platform (ad credit,
 * coupons, traffic value), in the order reports list them. */
#define SC_N_KEPT_AMOUNTS 3
#define SC_N_TIED_AMOUNTS 3
extern const ScAmount sc_kept_amounts[SC_N_KEPT_AMOUNTS];
extern const ScAmount sc_tied_amounts[SC_N_TIED_AMOUNTS];

/* The money a merchant keeps in @totals (ScAmount-indexed): fee reduction,
 * cash and cash-flow value. */
double     sc_totals_kept       (const double *totals);
/* The value tied to the platform: ad credit, coupons and traffic value. */
double     sc_totals_tied       (const double *totals);

/* Compares result @ra of profile @a with @rb of @b, both over @catalog, in
 * @lang ("zh" or "en"; NULL: @ra's). (transfer full) */
ScCompare *sc_compare_new       (ScCatalog       *catalog,
                                 const ScProfile *a,
                                 const ScResult  *ra,
                                 const ScProfile *b,
                                 const ScResult  *rb,
                                 const char      *lang);
/* The same for two documents (each computes its result if needed), in
 * @a's language. (transfer full) */
ScCompare *sc_compare_documents (ScDocument      *a,
                                 ScDocument      *b);
/* B − A of @values (one of ScComparePlatform's arrays). */
double     sc_compare_diff      (const double    *values);
void       sc_compare_free      (ScCompare       *compare);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScCompare, sc_compare_free)

G_END_DECLS
