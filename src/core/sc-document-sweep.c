/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The document's sweep over monthly GMV: sc_sweep_over_monthly_gmv(), and
 * the sweep computed on a worker thread for a window (sc-document.h, "the
 * sweep on a worker thread"). The rest of the document is sc-document.c.
 */
#define G_LOG_DOMAIN "shangce-core"

#include "config.h"

#include "sc-document-private.h"

#include <math.h>

ScSweep *
sc_sweep_over_monthly_gmv (ScCatalog          *catalog,
                           const ScProfile    *profile,
                           const char * const *disabled,
                           const char         *lang)
{
  ScEngineOptions options = { .disabled = disabled, .lang = lang, .no_reasons = TRUE, .no_series = TRUE };
  double gmv = sc_profile_get_number (profile, SC_FIELD_MONTHLY_GMV, NAN);
  double points[SC_DOCUMENT_SWEEP_POINTS];
  double lo, hi;

  g_return_val_if_fail (catalog != NULL && profile != NULL, NULL);

  if (!isfinite (gmv) || gmv <= 0)
    return NULL;
  /* From a tenth to three times the merchant's own GMV: where crossovers are
   * worth knowing. Never past the field's bound: the engine refuses those
   * points and they would reach the chart as NAN. */
  lo = gmv * 0.1;
  hi = MIN (gmv * 3, sc_field_info (SC_FIELD_MONTHLY_GMV)->max);
  for (guint i = 0; i < SC_DOCUMENT_SWEEP_POINTS; i++)
    points[i] = lo + (hi - lo) * i / (SC_DOCUMENT_SWEEP_POINTS - 1);
  return sc_engine_sweep (catalog, profile, SC_FIELD_MONTHLY_GMV, points, SC_DOCUMENT_SWEEP_POINTS, &options);
}

/* --- the sweep on a worker thread -------------------------------------------- */

struct _SweepJob
{
  /* Read by the worker; set before it starts, never changed after. */
  ScCatalog     *catalog;     /* the document's: not changed while the job runs */
  ScProfile     *profile;     /* a private copy */
  char         **disabled;
  const char    *lang;
  guint          generation;  /* the document's state it computes */

  /* Written by the worker under @lock. */
  GMutex         lock;
  GCond          cond;
  gboolean       done;
  ScSweep       *sweep;
  gconstpointer  thread;
};

static void
sweep_job_free (gpointer data)
{
  SweepJob *job = data;

  sc_profile_free (job->profile);
  g_strfreev (job->disabled);
  sc_sweep_free (job->sweep);
  g_mutex_clear (&job->lock);
  g_cond_clear (&job->cond);
  g_free (job);
}

/* On the worker thread: touches nothing but @data. */
static void
sweep_job_run (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  SweepJob *job = data;
  ScSweep *sweep = sc_sweep_over_monthly_gmv (job->catalog, job->profile,
                                              (const char * const *) job->disabled, job->lang);

  g_mutex_lock (&job->lock);
  job->sweep = sweep;
  job->thread = g_thread_self ();
  job->done = TRUE;
  g_cond_broadcast (&job->cond);
  g_mutex_unlock (&job->lock);
  g_task_return_boolean (task, TRUE);
}

static void
sweep_job_wait (SweepJob *job)
{
  g_mutex_lock (&job->lock);
  while (!job->done)
    g_cond_wait (&job->cond, &job->lock);
  g_mutex_unlock (&job->lock);
}

/* Caches the sweep of an ended @job, unless the document changed since it
 * started (it is then dropped with the job). */
static void
sweep_collect (ScDocument *self,
               SweepJob   *job)
{
  if (self->sweep_job == job)
    self->sweep_job = NULL;
  if (job->generation != self->sweep_generation || self->sweep_done)
    return;
  self->sweep = g_steal_pointer (&job->sweep);
  self->sweep_done = TRUE;
  self->sweep_thread = job->thread;
}

static void
sweep_job_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      data)
{
  g_autoptr(ScDocument) self = data;
  SweepJob *job = g_task_get_task_data (G_TASK (result));

  /* Already collected when sc_document_get_sweep() waited for it. */
  if (self->sweep_job == job)
    sweep_collect (self, job);
  sc_document_sweep_advance (self);
}

static void
sweep_start (ScDocument *self)
{
  SweepJob *job = g_new0 (SweepJob, 1);
  g_autoptr(GTask) task = NULL;

  job->catalog = self->catalog;
  job->profile = sc_profile_copy (self->profile);
  job->disabled = g_strdupv ((char **) self->disabled->pdata);
  job->lang = sc_lang_to_code (self->lang);
  job->generation = self->sweep_generation;
  g_mutex_init (&job->lock);
  g_cond_init (&job->cond);

  /* The document, and with it the catalog, is held until the job's end is
   * handled on this thread (never let go of on the worker's). */
  task = g_task_new (NULL, NULL, sweep_job_done_cb, g_object_ref (self));
  g_task_set_source_tag (task, sweep_start);
  g_task_set_task_data (task, job, sweep_job_free);
  self->sweep_job = job;
  g_task_run_in_thread (task, sweep_job_run);
}

/* Hands the cached sweep to every waiting request, or makes sure a job
 * works towards it: at most one at a time, for the latest state. */
void
sc_document_sweep_advance (ScDocument *self)
{
  g_autoptr(GPtrArray) ready = NULL;

  if (self->sweep_waiters == NULL || self->sweep_waiters->len == 0)
    return;
  if (!self->sweep_done)
    {
      if (self->sweep_job == NULL)
        sweep_start (self);
      return;
    }
  /* A callback may ask again: it joins a fresh list. */
  ready = g_steal_pointer (&self->sweep_waiters);
  self->sweep_waiters = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < ready->len; i++)
    {
      GTask *task = g_ptr_array_index (ready, i);

      g_task_set_task_data (task, GUINT_TO_POINTER (self->sweep_generation), NULL);
      g_task_return_boolean (task, TRUE);
    }
}

static gboolean
sweep_advance_idle (gpointer data)
{
  sc_document_sweep_advance (data);
  return G_SOURCE_REMOVE;
}

/* Before the catalog changes: no worker may be reading it. */
void
sc_document_sweep_wait_running (ScDocument *self)
{
  if (self->sweep_job != NULL)
    sweep_job_wait (self->sweep_job);
}

/* sc_document_get_sweep() off the calling thread: waits for the running
 * job, then for one of the latest state if that one was stale. */
static void
sweep_join (ScDocument *self)
{
  while (!self->sweep_done)
    {
      SweepJob *job;

      if (self->sweep_job == NULL)
        sweep_start (self);
      job = self->sweep_job;
      sweep_job_wait (job);
      sweep_collect (self, job);
    }
}

gboolean
sc_document_has_sweep (ScDocument *self)
{
  g_return_val_if_fail (SC_IS_DOCUMENT (self), FALSE);
  return self->sweep_done;
}

void
sc_document_compute_sweep_async (ScDocument          *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (SC_IS_DOCUMENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sc_document_compute_sweep_async);
  g_ptr_array_add (self->sweep_waiters, task);
  if (!self->sweep_done)
    sc_document_sweep_advance (self);
  else
    /* Answered from the main loop, as every async call: an edit made
     * before then makes it wait for the newer sweep instead. */
    g_idle_add_full (G_PRIORITY_DEFAULT, sweep_advance_idle, g_object_ref (self), g_object_unref);
}

gboolean
sc_document_compute_sweep_finish (ScDocument    *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (SC_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  if (!self->sweep_done || GPOINTER_TO_UINT (g_task_get_task_data (G_TASK (result))) != self->sweep_generation)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "The document changed again");
      return FALSE;
    }
  return TRUE;
}

void
sc_document_set_sweep_in_background (ScDocument *self,
                                     gboolean    background)
{
  g_return_if_fail (SC_IS_DOCUMENT (self));
  self->sweep_background = background;
}

gconstpointer
sc_document_get_sweep_thread (ScDocument *self)
{
  g_return_val_if_fail (SC_IS_DOCUMENT (self), NULL);
  return self->sweep_thread;
}

const ScSweep *
sc_document_get_sweep (ScDocument *self)
{
  g_return_val_if_fail (SC_IS_DOCUMENT (self), NULL);

  if (!self->sweep_done && (self->sweep_background || self->sweep_job != NULL))
    sweep_join (self);
  if (!self->sweep_done)
    {
      self->sweep = sc_sweep_over_monthly_gmv (self->catalog, self->profile,
                                               (const char * const *) self->disabled->pdata,
                                               sc_lang_to_code (self->lang));
      self->sweep_done = TRUE;
      self->sweep_thread = g_thread_self ();
    }
  return self->sweep;
}
