/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Real input for UI tests: pointer moves, clicks, wheel steps, key presses
 * and typed text sent through the X server (XTEST, by xdotool) to a window
 * under Xvfb, exactly as a user's hardware would send them. GTK then picks,
 * focuses and dispatches them itself: nothing here calls a handler.
 */
#pragma once

#include <gtk/gtk.h>
#include <stdlib.h>
#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

#include "ui-test.h"

/* TRUE when real input can be sent: an X display and xdotool. */
static inline gboolean
ui_input_available (void)
{
#ifdef GDK_WINDOWING_X11
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");

  return xdotool != NULL && GDK_IS_X11_DISPLAY (gdk_display_get_default ());
#else
  return FALSE;
#endif
}

/* Lets GTK take in what the X server has queued, for about @ms. */
static inline void
ui_input_settle (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  gdk_display_sync (gdk_display_get_default ());
  while (g_get_monotonic_time () < end)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (2000);
    }
  iterate ();
}

static inline void
ui_input_done_cb (GObject      *source,
                  GAsyncResult *res,
                  gpointer      data)
{
  gboolean *ok = data;

  ok[1] = g_subprocess_wait_check_finish (G_SUBPROCESS (source), res, NULL);
  ok[0] = TRUE;
}

/* Runs xdotool with @args while the main loop keeps running, then settles. */
static inline void
ui_input_xdotool (const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  gboolean state[2] = { FALSE, FALSE };  /* done, succeeded */

  g_ptr_array_add (argv, (gpointer) "xdotool");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  proc = g_subprocess_newv ((const char * const *) argv->pdata, G_SUBPROCESS_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_subprocess_wait_check_async (proc, NULL, ui_input_done_cb, state);
  while (!state[0])
    g_main_context_iteration (NULL, TRUE);
  if (!state[1])
    {
      g_autofree char *line = g_strjoinv (" ", (char **) argv->pdata);
      g_error ("failed: %s", line);
    }
  ui_input_settle (40);
}

#ifdef GDK_WINDOWING_X11
static inline char *
ui_input_xid (GtkWidget *widget)
{
  GdkSurface *surface = gtk_native_get_surface (gtk_widget_get_native (widget));

  return g_strdup_printf ("%lu", (unsigned long) gdk_x11_surface_get_xid (surface));
}
#endif

/* Gives @widget's toplevel the keyboard focus. Xvfb runs no window
 * manager, so the test sets the X input focus itself. */
static inline void
ui_input_focus_window (GtkWidget *widget)
{
#ifdef GDK_WINDOWING_X11
  g_autofree char *xid = ui_input_xid (widget);
  const char *args[] = { "windowfocus", xid, NULL };

  ui_input_xdotool (args);
#endif
}

/* Moves the pointer to (@x, @y) of @widget (its own coordinates). */
static inline void
ui_input_move_to (GtkWidget *widget,
                  double     x,
                  double     y)
{
#ifdef GDK_WINDOWING_X11
  GtkNative *native = gtk_widget_get_native (widget);
  graphene_point_t in = GRAPHENE_POINT_INIT (x, y), out;
  double tx = 0, ty = 0;
  g_autofree char *xid = ui_input_xid (widget);
  g_autofree char *sx = NULL, *sy = NULL;

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native), &in, &out));
  gtk_native_get_surface_transform (native, &tx, &ty);
  sx = g_strdup_printf ("%d", (int) (out.x + tx));
  sy = g_strdup_printf ("%d", (int) (out.y + ty));
  {
    const char *args[] = { "mousemove", "--window", xid, sx, sy, NULL };
    ui_input_xdotool (args);
  }
#endif
}

/* Moves the pointer to the middle of @widget. */
static inline void
ui_input_move_to_center (GtkWidget *widget)
{
  ui_input_move_to (widget, gtk_widget_get_width (widget) / 2.0, gtk_widget_get_height (widget) / 2.0);
}

/* Presses and releases mouse button @button where the pointer is: 1 left,
 * 3 right, 4 wheel up, 5 wheel down. */
static inline void
ui_input_click (int button)
{
  g_autofree char *b = g_strdup_printf ("%d", button);
  const char *args[] = { "click", b, NULL };

  ui_input_xdotool (args);
}

/* Presses the keys of @combo, such as "ctrl+a", "Return" or "shift+ctrl+z". */
static inline void
ui_input_key (const char *combo)
{
  const char *args[] = { "key", "--clearmodifiers", combo, NULL };

  ui_input_xdotool (args);
}

/* Gives each character of @text that the keyboard map lacks a key of its
 * own, once (xmodmap), and waits for GTK to take in the new map. Otherwise
 * xdotool remaps a spare key for every such character and restores it at
 * once, and on a busy machine GTK can read the key after the restore: the
 * character is lost. */
static inline void
ui_input_map_keys (const char *text)
{
  static GHashTable *mapped;  /* gunichar -> TRUE */
  g_autofree char *table = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) free_codes = g_array_new (FALSE, FALSE, sizeof (int));
  guint next = 0;

  if (mapped == NULL)
    mapped = g_hash_table_new (NULL, NULL);
  g_assert_true (g_spawn_command_line_sync ("xmodmap -pk", &table, NULL, NULL, NULL));
  lines = g_strsplit (table, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) words = g_strsplit_set (g_strstrip (lines[i]), " \t", -1);
      guint n = 0;

      for (guint w = 0; words[w] != NULL; w++)
        if (*words[w] != '\0')
          n++;
      if (n == 1 && g_ascii_isdigit (words[0][0]))
        {
          int code = atoi (words[0]);
          g_array_append_val (free_codes, code);
        }
    }
  g_ptr_array_add (argv, g_strdup ("xmodmap"));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x80 || g_hash_table_contains (mapped, GUINT_TO_POINTER (c)))
        continue;
      g_assert_cmpuint (next, <, free_codes->len);
      g_ptr_array_add (argv, g_strdup ("-e"));
      g_ptr_array_add (argv, g_strdup_printf ("keycode %d = U%04X", g_array_index (free_codes, int, next++), c));
      g_hash_table_add (mapped, GUINT_TO_POINTER (c));
    }
  if (argv->len == 1)
    return;
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               NULL, NULL, NULL, NULL));
  ui_input_settle (300);
}

/* Types @text (UTF-8, any script) key by key. */
static inline void
ui_input_type (const char *text)
{
  const char *args[] = { "type", "--delay", "20", "--", text, NULL };

  ui_input_map_keys (text);
  ui_input_xdotool (args);
}

/* The first descendant of @widget (or itself) of @type, or NULL. */
static inline GtkWidget *
ui_input_find (GtkWidget *widget,
               GType      type)
{
  return ui_test_find (widget, type, NULL);
}
