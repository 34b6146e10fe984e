/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-ui"

#include "config.h"

#include "sc-scroll-guard.h"

#include <math.h>

static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           gpointer                  user_data)
{
  GtkWidget *control = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkWidget *scrolled;
  GtkAdjustment *adj;
  double step;

  /* Focused: the user chose this control, the wheel is theirs. */
  if (user_data == NULL && (gtk_widget_get_state_flags (control) & GTK_STATE_FLAG_FOCUS_WITHIN))
    return GDK_EVENT_PROPAGATE;

  scrolled = gtk_widget_get_ancestor (control, GTK_TYPE_SCROLLED_WINDOW);
  if (scrolled != NULL)
    {
      adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
      if (gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL)
        /* GtkScrolledWindow's own wheel step. */
        step = pow (gtk_adjustment_get_page_size (adj), 2.0 / 3.0);
      else
        step = 1;
      gtk_adjustment_set_value (adj, gtk_adjustment_get_value (adj) + dy * step);
    }
  /* Stop here either way: the control below must not see the wheel. */
  return GDK_EVENT_STOP;
}

static void
attach (GtkWidget *control,
        gboolean   always)
{
  GtkEventController *scroll;

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  /* Capture phase runs before the control's own (bubble-phase) handler. */
  gtk_event_controller_set_propagation_phase (scroll, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_name (scroll, "sc-scroll-guard");
  g_signal_connect (scroll, "scroll", G_CALLBACK (scroll_cb), always ? GINT_TO_POINTER (1) : NULL);
  gtk_widget_add_controller (control, scroll);
}

void
sc_scroll_guard_attach (GtkWidget *control)
{
  g_return_if_fail (GTK_IS_WIDGET (control));
  attach (control, FALSE);
}

void
sc_scroll_guard_block (GtkWidget *control)
{
  g_return_if_fail (GTK_IS_WIDGET (control));
  attach (control, TRUE);
}
