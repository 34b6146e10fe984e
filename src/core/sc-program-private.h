/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sc-program.h"

G_BEGIN_DECLS

/*
 * Constructors for the loader: each returns an empty object whose arrays
 * already free their elements, so a half-built file is freed whole by
 * sc_program_file_free(). (transfer full)
 */
ScProgramFile *sc_program_file_new_empty (const char *path);
ScProgram     *sc_program_new_empty      (void);
ScMeasure     *sc_measure_new_empty      (void);
ScHeadline    *sc_headline_new_empty     (void);
ScCond        *sc_cond_new_empty         (ScCondKind kind);
ScEffect      *sc_effect_new_empty       (ScEffectKind kind);
ScTier        *sc_tier_new_empty         (void);
ScBaseline    *sc_baseline_new_empty     (void);
ScExample     *sc_example_new_empty      (void);
ScSource      *sc_source_new_empty       (void);
ScStackGroup  *sc_stack_group_new_empty  (void);
ScBaselineItem *sc_baseline_item_new_empty (void);
ScExampleExpect *sc_example_expect_new_empty (void);
/* Appends @source (transfer full) to @file and indexes its id. */
void           sc_program_file_add_source (ScProgramFile *file,
                                           ScSource      *source);

G_END_DECLS
