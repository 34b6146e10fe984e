/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-ui"

#include "config.h"

#include "sc-measure-details.h"

#include <glib/gi18n.h>

struct _ScMeasureDetails
{
  AdwWindow       parent_instance;

  AdwWindowTitle *window_title;
  GtkLabel       *title_label;
  GtkLabel       *program_label;
  GtkBox         *body;
  GtkLinkButton  *link;
  GtkButton      *copy_button;
  GString        *text;    /* what Copy copies */
  guint           copied_id;
};

G_DEFINE_FINAL_TYPE (ScMeasureDetails, sc_measure_details, ADW_TYPE_WINDOW)

static gboolean
copied_done_cb (gpointer data)
{
  ScMeasureDetails *self = data;

  self->copied_id = 0;
  gtk_button_set_label (self->copy_button, _("_Copy"));
  return G_SOURCE_REMOVE;
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ScMeasureDetails *self = SC_MEASURE_DETAILS (widget);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), self->text->str);
  /* Say it worked where the user looks, for a moment. */
  gtk_button_set_label (self->copy_button, _("Copied"));
  g_clear_handle_id (&self->copied_id, g_source_remove);
  self->copied_id = g_timeout_add_seconds (2, copied_done_cb, self);
}

/* A heading and its text, in the window and in the copied text; nothing
 * for an empty @text. */
static void
add_section (ScMeasureDetails *self,
             const char       *heading,
             const char       *text)
{
  GtkWidget *title, *label;

  if (text == NULL || *text == '\0')
    return;
  title = gtk_label_new (heading);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_set_margin_top (title, 12);
  label = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  title, NULL, -1);
  gtk_box_append (self->body, title);
  gtk_box_append (self->body, label);
  g_string_append_printf (self->text, "\n\n%s\n%s", heading, text);
}

static void
sc_measure_details_dispose (GObject *object)
{
  ScMeasureDetails *self = SC_MEASURE_DETAILS (object);

  g_clear_handle_id (&self->copied_id, g_source_remove);

  G_OBJECT_CLASS (sc_measure_details_parent_class)->dispose (object);
}

static void
sc_measure_details_finalize (GObject *object)
{
  ScMeasureDetails *self = SC_MEASURE_DETAILS (object);

  g_string_free (self->text, TRUE);

  G_OBJECT_CLASS (sc_measure_details_parent_class)->finalize (object);
}

static void
sc_measure_details_class_init (ScMeasureDetailsClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = sc_measure_details_dispose;
  G_OBJECT_CLASS (klass)->finalize = sc_measure_details_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/shangce/Shangce/sc-measure-details.ui");
  gtk_widget_class_bind_template_child (widget_class, ScMeasureDetails, window_title);
  gtk_widget_class_bind_template_child (widget_class, ScMeasureDetails, title_label);
  gtk_widget_class_bind_template_child (widget_class, ScMeasureDetails, program_label);
  gtk_widget_class_bind_template_child (widget_class, ScMeasureDetails, body);
  gtk_widget_class_bind_template_child (widget_class, ScMeasureDetails, link);
  gtk_widget_class_bind_template_child (widget_class, ScMeasureDetails, copy_button);

  gtk_widget_class_install_action (widget_class, "details.copy", NULL, copy_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "details.copy", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sc_measure_details_init (ScMeasureDetails *self)
{
  self->text = g_string_new (NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
}

ScMeasureDetails *
sc_measure_details_new (GtkWindow     *parent,
                        ScMeasureItem *item)
{
  ScMeasureDetails *self;
  const char *title, *url, *source, *quote;
  g_autofree char *program = NULL;

  g_return_val_if_fail (SC_IS_MEASURE_ITEM (item), NULL);

  self = g_object_new (SC_TYPE_MEASURE_DETAILS, "transient-for", parent, NULL);
  title = sc_measure_item_get_text (item, SC_MEASURE_COLUMN_MEASURE);
  /* TRANSLATORS: under a measure's title in its details: "Star Plan 2026 · Kuaishou" */
  program = g_strdup_printf (_("%s · %s"), sc_measure_item_get_text (item, SC_MEASURE_COLUMN_PROGRAM),
                             sc_measure_item_get_text (item, SC_MEASURE_COLUMN_PLATFORM));
  gtk_label_set_text (self->title_label, title);
  gtk_label_set_text (self->program_label, program);
  adw_window_title_set_subtitle (self->window_title, title);
  g_string_append_printf (self->text, "%s\n%s", title, program);

  add_section (self, _("Summary"), sc_measure_item_get_detail (item, SC_MEASURE_DETAIL_SUMMARY));
  add_section (self, _("Status"), sc_measure_item_get_text (item, SC_MEASURE_COLUMN_STATUS));
  add_section (self, _("Why"), sc_measure_item_get_text (item, SC_MEASURE_COLUMN_REASON));
  add_section (self, _("Value"), sc_measure_item_get_text (item, SC_MEASURE_COLUMN_VALUE));
  add_section (self, _("By category"), sc_measure_item_get_text (item, SC_MEASURE_COLUMN_CATEGORIES));
  add_section (self, _("Basis"), sc_measure_item_get_text (item, SC_MEASURE_COLUMN_BASIS));
  add_section (self, _("Numbers and their basis"), sc_measure_item_get_detail (item, SC_MEASURE_DETAIL_NUMBERS));
  quote = sc_measure_item_get_detail (item, SC_MEASURE_DETAIL_QUOTE);
  if (*quote != '\0')
    {
      g_autofree char *quoted = g_strdup_printf ("“%s”", quote);
      add_section (self, _("Source sentence"), quoted);
    }
  source = sc_measure_item_get_detail (item, SC_MEASURE_DETAIL_SOURCE);
  url = sc_measure_item_get_detail (item, SC_MEASURE_DETAIL_URL);
  /* The link follows the body: the source is its last section. */
  if (*url == '\0' && *source != '\0')
    {
      g_autofree char *no_url = g_strdup_printf ("%s · %s", source, _("no web address recorded"));
      add_section (self, _("Source"), no_url);
    }
  else
    add_section (self, _("Source"), *source != '\0' ? source : url);
  if (*url != '\0')
    {
      if (*source != '\0')
        g_string_append_printf (self->text, "\n%s", url);
      gtk_link_button_set_uri (self->link, url);
      gtk_button_set_label (GTK_BUTTON (self->link), url);
      gtk_widget_set_visible (GTK_WIDGET (self->link), TRUE);
    }
  return self;
}

char *
sc_measure_details_dup_text (ScMeasureDetails *self)
{
  g_return_val_if_fail (SC_IS_MEASURE_DETAILS (self), NULL);
  return g_strdup (self->text->str);
}
