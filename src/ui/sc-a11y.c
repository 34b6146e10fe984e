/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-ui"

#include "config.h"

#include "sc-a11y.h"

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (g_type_is_a (G_OBJECT_TYPE (c), type))
        return c;
      found = find_descendant (c, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

void
sc_a11y_set_name (GtkWidget  *control,
                        const char *label)
{
  GtkWidget *button;

  g_return_if_fail (GTK_IS_WIDGET (control));
  g_return_if_fail (label != NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (control), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  button = find_descendant (control, GTK_TYPE_TOGGLE_BUTTON);
  if (button != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

void
sc_a11y_name_inner_button (GtkWidget  *control,
                           const char *label)
{
  g_return_if_fail (GTK_IS_WIDGET (control));

  sc_a11y_set_name (control, label);
  /* The control itself is named by its mnemonic label (labelled-by). */
  gtk_accessible_reset_property (GTK_ACCESSIBLE (control), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

void
sc_a11y_fix_mnemonic (GtkWidget *button)
{
  g_return_if_fail (GTK_IS_WIDGET (button));
  /* The child label names the button already, without the underscore. */
  gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL);
}
