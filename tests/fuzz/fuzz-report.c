/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-fuzz"

#include "config.h"

#include "fuzz-common.h"
#include "sc-profile.h"

/*
 * A fuzzed profile through everything a user sees: the engine over the
 * bundled programs, the text/CSV/JSON reports, a GMV sweep, the chart
 * models, their layouts and PNG/SVG export to memory. Numbers must stay
 * finite all the way to the chart.
 */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(ScProfile) profile = NULL;

  sc_fuzz_init ();
  profile = sc_profile_load_from_data ((const char *) data, size, "fuzz.shangce", NULL);
  if (profile == NULL)
    return 0;
  sc_fuzz_exercise_profile (sc_fuzz_bundled_catalog (), profile, TRUE);
  return 0;
}
