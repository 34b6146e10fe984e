/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Memory for one piece of work, freed all at once (the range analysis:
 * its plans, numbers and scratch): a bump through a first block the caller
 * gives (on its stack), then through blocks of the heap as needed. Each
 * allocation is zeroed and aligned for any type; sc_arena_clear() frees
 * the heap's blocks.
 */
typedef struct
{
  char     *at;
  char     *end;
  gpointer  blocks;   /* the heap's, each linked through its first word */
} ScArena;

void     sc_arena_init  (ScArena  *arena,
                         gpointer  first,
                         gsize     size);
gpointer sc_arena_alloc (ScArena  *arena,
                         gsize     size);
void     sc_arena_clear (ScArena  *arena);

G_END_DECLS
