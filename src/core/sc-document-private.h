/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sc-document.h"

G_BEGIN_DECLS

/*
 * Shared by the document's files: sc-document.c (programs, profile, edits,
 * undo, the result, rule check and ranges) and sc-document-sweep.c (the
 * sweep, on the calling thread or a worker's).
 */

/* A sweep computed on a worker thread (see "the sweep on a worker thread"). */
typedef struct _SweepJob SweepJob;

struct _ScDocument
{
  GObject      parent_instance;

  ScCatalog   *catalog;
  GPtrArray   *disabled;      /* char*, NULL-terminated */
  ScProfile   *profile;
  GFile       *file;
  ScProfile   *saved;         /* what the file holds; NULL: unknown, modified until saved */
  gboolean     modified;
  ScLang       lang;

  GPtrArray   *undo;          /* UndoStep*, newest last */
  GPtrArray   *redo;          /* UndoStep*, next to redo last */
  gboolean     step_open;     /* the newest undo step may take the next edit of its key */

  ScResult    *result;
  ScRuleCheck *rule_check;
  ScRangeAnalysis *ranges;
  ScSweep     *sweep;
  gboolean     sweep_done;

  /* the sweep on a worker thread */
  guint          sweep_generation;  /* bumped by every invalidation */
  SweepJob      *sweep_job;         /* the job running (or ended, not yet collected) */
  GPtrArray     *sweep_waiters;     /* GTask*: requests waiting for the latest state's sweep */
  gboolean       sweep_background;
  gconstpointer  sweep_thread;      /* where the cached sweep was computed */
};

/* sc-document-sweep.c */

/* Hands the cached sweep to every waiting request, or makes sure a job
 * works towards it: at most one at a time, for the latest state. Called
 * after every invalidation. */
void sc_document_sweep_advance      (ScDocument *self);
/* Before the catalog changes: no worker may be reading it. */
void sc_document_sweep_wait_running (ScDocument *self);

G_END_DECLS
