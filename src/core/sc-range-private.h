/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/*
 * Shared by the range analysis' files only (sc-range.c, sc-range-refs.c):
 * the assumed numbers of a catalog, each with what it belongs to.
 */

#include "sc-range.h"

G_BEGIN_DECLS

/* One assumed number of a program or a baseline. */
typedef struct
{
  const ScNumber  *number;
  const char      *origin;     /* file, for messages */
  const ScProgram *program;    /* NULL for a baseline */
  const ScMeasure *measure;    /* NULL for a program's own or a baseline's */
  const char      *platform;
  char             element[48]; /* a program's number: what follows "program:ID/MEASURE/" (ref_key()) */
  const char      *what;       /* untranslated (N_()): "length of the discount"; with @tier a
                                * format taking it ("tier %u reward"); NULL for a baseline fee */
  guint            tier;       /* 1, 2 … for a tier's number, else 0 */
  const ScBaseline *baseline;  /* a baseline fee's: its baseline and item */
  const ScBaselineItem *item;
  ScUnit           unit;
  const char      *noun;
  gboolean         is_date;
  gboolean         varied;     /* the engine reads it through its overrides */
} Ref;

/*
 * The numbers the range analysis wants (those a result used), each with its
 * Ref once the walk found it: pointers in open addressing, in the
 * analysis' arena (filling a GHashTable cost more than the walk itself).
 */
typedef struct
{
  guint            mask;      /* its size − 1, a power of two */
  const ScNumber **numbers;   /* NULL where empty */
  const Ref      **refs;      /* each number's, NULL until found */
  guint            n_wanted;
  guint            n_found;
} RefSet;

/* @set with the @n_numbers numbers of @numbers (all different), in @arena. */
void       sc_range_ref_set_init (RefSet          *set,
                                  const gpointer  *numbers,
                                  guint            n_numbers,
                                  ScArena         *arena);

/* Where @n is in @set, else G_MAXUINT. */
static inline guint
sc_range_ref_set_find (const RefSet   *set,
                       const ScNumber *n)
{
  /* Fibonacci hashing of the address; the low bits are the alignment's. */
  guint i = (guint) (((guintptr) n >> 4) * 2654435761u) & set->mask;

  for (; set->numbers[i] != NULL; i = (i + 1) & set->mask)
    if (set->numbers[i] == n)
      return i;
  return G_MAXUINT;
}

/* The number's stable id: "program:ID/MEASURE/ELEMENT", "program:ID/window-end"
 * or "baseline:PLATFORM/FEE[/CATEGORY]". (transfer full) */
char      *sc_range_ref_key      (const Ref  *ref);
/* The same into @buf of @size bytes, else (too long) into a block for
 * *@heap to free. (transfer none: @buf or *@heap) */
const char *sc_range_ref_key_into (const Ref  *ref,
                                   char       *buf,
                                   gsize       size,
                                   char      **heap);
/* Every assumed number of @catalog, programs then baselines. (transfer full) */
GPtrArray *sc_range_collect_refs (ScCatalog  *catalog);
/* The same for the numbers of @set only, each Ref in @arena and only in
 * @set (the range analysis: one block for all of them); the programs of
 * @first (may be NULL) first, the others only when a number is left. */
void       sc_range_collect_refs_in (ScCatalog  *catalog,
                                     RefSet     *set,
                                     GPtrArray  *first,
                                     ScArena    *arena);
/* The end (exclusive) an assumed <window-end> declares: its measure's own
 * end, else its program's; SC_DAY_NONE when open. */
ScDay      sc_range_ref_end      (const Ref  *ref);

G_END_DECLS
