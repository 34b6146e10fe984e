/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The application icons parse as SVG and draw something: the full-colour
 * icon with GNOME palette colours at the sizes a shell asks for, the
 * symbolic one in a single dark ink that GTK can recolour.
 */
#define G_LOG_DOMAIN "test-icons"

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>

typedef struct
{
  guint opaque;      /* pixels with alpha > 0 */
  guint colours;     /* distinct opaque RGB values, capped at 64 */
  guint coloured;    /* opaque pixels whose channels differ by > 16 */
} Counts;

static char *
icon_path (const char *sub)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "icons", "hicolor", sub, NULL);
}

static Counts
count_pixels (GdkPixbuf *pixbuf)
{
  Counts c = { 0 };
  guint32 seen[64];
  int w = gdk_pixbuf_get_width (pixbuf);
  int h = gdk_pixbuf_get_height (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);
  const guint8 *px = gdk_pixbuf_read_pixels (pixbuf);

  g_assert_true (gdk_pixbuf_get_has_alpha (pixbuf));
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        const guint8 *p = px + y * stride + x * 4;
        guint32 rgb = (p[0] << 16) | (p[1] << 8) | p[2];
        gboolean known = FALSE;

        if (p[3] == 0)
          continue;
        c.opaque++;
        if (MAX (MAX (p[0], p[1]), p[2]) - MIN (MIN (p[0], p[1]), p[2]) > 16)
          c.coloured++;
        for (guint i = 0; i < c.colours && !known; i++)
          known = seen[i] == rgb;
        if (!known && c.colours < G_N_ELEMENTS (seen))
          seen[c.colours++] = rgb;
      }
  return c;
}

static void
test_app_icon (void)
{
  g_autofree char *path = icon_path ("scalable/apps/" APP_ID ".svg");
  const int sizes[] = { 16, 32, 64, 128, 256 };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new_from_file_at_size (path, sizes[i], sizes[i], &error);
      Counts c;

      g_assert_no_error (error);
      g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), ==, sizes[i]);
      g_assert_cmpint (gdk_pixbuf_get_height (pixbuf), ==, sizes[i]);
      c = count_pixels (pixbuf);
      /* Most of the square is drawn, and in colour: not a blank or grey stub. */
      g_assert_cmpuint (c.opaque, >, (guint) (sizes[i] * sizes[i]) / 2);
      g_assert_cmpuint (c.coloured, >, (guint) (sizes[i] * sizes[i]) / 10);
    }
}

static void
test_symbolic_icon (void)
{
  g_autofree char *path = icon_path ("symbolic/apps/" APP_ID "-symbolic.svg");
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new_from_file_at_size (path, 16, 16, &error);
  g_autoptr(GdkPixbuf) big = NULL;
  Counts c;

  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), ==, 16);
  g_assert_cmpint (gdk_pixbuf_get_height (pixbuf), ==, 16);

  big = gdk_pixbuf_new_from_file_at_size (path, 64, 64, &error);
  g_assert_no_error (error);
  c = count_pixels (big);
  g_assert_cmpuint (c.opaque, >, 64 * 64 / 5);
  /* One ink only (antialiasing keeps the colour, changes alpha). */
  g_assert_cmpuint (c.coloured, ==, 0);
  g_assert_cmpuint (c.colours, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/packaging/icons/app", test_app_icon);
  g_test_add_func ("/packaging/icons/symbolic", test_symbolic_icon);
  return g_test_run ();
}
