/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-core"

#include "config.h"

#include "sc-text-width.h"

gsize
sc_text_width (const char *text)
{
  gsize width = 0;
  const char *p = text;

  if (text == NULL)
    return 0;
  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          width++;
          p++;
          continue;
        }
      if (g_unichar_iszerowidth (c))
        ;
      else if (g_unichar_iswide (c))
        width += 2;
      else
        width++;
      p = g_utf8_next_char (p);
    }
  return width;
}

void
sc_text_pad (GString    *out,
             const char *text,
             gsize       width,
             gboolean    align_right)
{
  gsize w;

  g_return_if_fail (out != NULL);

  if (text == NULL)
    text = "";
  w = sc_text_width (text);
  if (align_right && w < width)
    g_string_append_printf (out, "%*s", (int) (width - w), "");
  g_string_append (out, text);
  if (!align_right && w < width)
    g_string_append_printf (out, "%*s", (int) (width - w), "");
}
