/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "sc-profile.h"

G_BEGIN_DECLS

/* Generous for a loaded machine; a file that is expanded or read whole
 * takes far longer or far more. AddressSanitizer keeps freed memory in
 * quarantine and slows everything: the bounds grow with it. */
#if defined(__SANITIZE_ADDRESS__)
#define SANITIZER_FACTOR 4
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SANITIZER_FACTOR 4
#endif
#endif
#ifndef SANITIZER_FACTOR
#define SANITIZER_FACTOR 1
#endif

typedef struct
{
  gint64 start;
  glong  rss;
} HardenBudget;

/* Starts measuring time and peak memory. */
HardenBudget harden_budget_start   (void);
/* Prints the time and memory since @b was started as "# @what: …" and
 * asserts both stay under their bound (memory × SANITIZER_FACTOR). */
void         harden_budget_check   (HardenBudget  b,
                                    const char   *what,
                                    double        seconds_max,
                                    glong         rss_max_mib);


/* A profile of a few hundred KB: every number field set, long notes in
 * both languages, many overrides. @variant changes every value, so two
 * variants differ everywhere. (transfer full) */
ScProfile  *harden_large_profile   (guint        variant);

/* A fresh private folder under the system temp dir. (transfer full) */
char       *harden_make_tmp_dir    (void);
/* Removes @dir and everything in it (our own temp folders only); the
 * name these tests know test_remove_tree() by. */
void        harden_remove_tree     (const char  *dir);
/* Points XDG_STATE_HOME (where recovery copies go) at a fresh private
 * folder, the same one in this test's g_test_trap_subprocess() children;
 * the caller removes it unless g_test_subprocess(). Call after
 * g_test_init(). (transfer full) */
char       *harden_private_state_home (void);

/* Peak resident set size of this process in KiB (getrusage). */
glong       harden_peak_rss_kib    (void);

/* Asserts @message contains every word of @words (NULL-terminated). */
void        harden_assert_words    (const char         *message,
                                    const char *const  *words);

G_END_DECLS
