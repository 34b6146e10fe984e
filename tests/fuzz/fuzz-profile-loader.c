/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-fuzz"

#include "config.h"

#include "fuzz-common.h"
#include "sc-error.h"
#include "sc-profile.h"

/*
 * A profile is the user's work and may also arrive from someone else. Any
 * bytes give a profile or an SC_ERROR naming the file. A profile that loads
 * must survive a save/load round trip unchanged: what the user saved is
 * what they get back.
 */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScProfile) profile = NULL;
  g_autoptr(ScProfile) again = NULL;
  g_autofree char *xml = NULL;

  sc_fuzz_init ();
  profile = sc_profile_load_from_data ((const char *) data, size, "fuzz.shangce", &error);
  if (profile == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == SC_ERROR);
      g_assert_true (g_str_has_prefix (error->message, "fuzz.shangce"));
      return 0;
    }
  g_assert_no_error (error);

  for (guint f = 0; f < SC_N_FIELDS; f++)
    {
      g_autofree char *text = sc_profile_format_value (profile, (ScField) f);

      if (text != NULL)
        g_assert_true (sc_profile_validate_field ((ScField) f, text, NULL));
    }

  xml = sc_profile_to_xml (profile);
  again = sc_profile_load_from_data (xml, strlen (xml), "round-trip.shangce", &error);
  if (again == NULL)
    g_error ("a loaded profile does not load again after saving: %s\n%s", error->message, xml);
  if (!sc_profile_equal (profile, again))
    g_error ("a profile changed in a save/load round trip:\n%s", xml);
  return 0;
}
