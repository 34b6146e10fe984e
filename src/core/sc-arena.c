/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sc-arena.h"

#include <string.h>

#define ARENA_ALIGN 16
#define ARENA_BLOCK 16384

void
sc_arena_init (ScArena  *arena,
               gpointer  first,
               gsize     size)
{
  /* The first block, aligned inwards. */
  char *at = (char *) (((guintptr) first + ARENA_ALIGN - 1) & ~(guintptr) (ARENA_ALIGN - 1));

  arena->at = at;
  arena->end = first != NULL && (char *) first + size > at ? (char *) first + size : at;
  arena->blocks = NULL;
}

gpointer
sc_arena_alloc (ScArena *arena,
                gsize    size)
{
  gpointer p;

  size = (MAX (size, 1) + ARENA_ALIGN - 1) & ~(gsize) (ARENA_ALIGN - 1);
  if (size > (gsize) (arena->end - arena->at))
    {
      gsize block = MAX (ARENA_BLOCK, size + ARENA_ALIGN);
      char *b = g_malloc (block);

      *(gpointer *) b = arena->blocks;
      arena->blocks = b;
      arena->at = b + ARENA_ALIGN;
      arena->end = b + block;
    }
  p = arena->at;
  arena->at += size;
  return memset (p, 0, size);
}

void
sc_arena_clear (ScArena *arena)
{
  while (arena->blocks != NULL)
    {
      gpointer next = *(gpointer *) arena->blocks;

      g_free (arena->blocks);
      arena->blocks = next;
    }
  arena->at = arena->end = NULL;
}
