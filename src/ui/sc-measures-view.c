/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-ui"

#include "config.h"

#include "sc-measures-view.h"

#include "sc-a11y.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sc-measure-details.h"
#include "sc-measure-item.h"

struct _ScMeasuresView
{
  ScPage              parent_instance;

  ScDocument         *document;   /* the page's (ScPage), borrowed */
  GListStore         *store;
  GtkFilterListModel *filtered;
  GtkSortListModel   *sorted;
  GtkCustomFilter    *filter;
  GtkSearchEntry     *search;
  GtkDropDown        *status_dropdown;
  GtkColumnView      *columns;
  GtkButton          *details_button;
  GtkSingleSelection *selection;
  GtkLabel           *count_label;
  char               *text;
  int                 status;
  gboolean            dirty;
};

G_DEFINE_FINAL_TYPE (ScMeasuresView, sc_measures_view, SC_TYPE_PAGE)

/*
 * The table shows what tells measures apart at a glance, in columns wide
 * enough to read: the platform, the measure with its program under it, the
 * value and the status, words wrapped rather than cut. Everything else (why,
 * value by category, basis, the source) is in the measure's details, opened
 * by double-click or Enter; the search still looks at all of it.
 */
static const struct
{
  ScMeasureColumn column;
  const char     *title;
  int             width;
  gboolean        expand;
} shown_columns[] = {
  /* GTK 4.8 measures a row's height at the fixed width of each column, not
   * at the width an expanding column gets: the wrapped Measure column keeps
   * its width, and the last one takes what a wider window adds. The four
   * fit the default window's page. */
  { SC_MEASURE_COLUMN_PLATFORM, N_("Platform"), 80, FALSE },
  { SC_MEASURE_COLUMN_MEASURE, N_("Measure"), 300, FALSE },
  { SC_MEASURE_COLUMN_VALUE, N_("Value"), 96, FALSE },
  { SC_MEASURE_COLUMN_STATUS, N_("Status"), 150, TRUE },
};

static GtkWidget *
cell_label (gboolean wrap)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  if (wrap)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_widget_set_hexpand (label, TRUE);
    }
  return label;
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  data)
{
  ScMeasureColumn column = GPOINTER_TO_UINT (data);
  GtkWidget *label = cell_label (column != SC_MEASURE_COLUMN_VALUE);

  if (column == SC_MEASURE_COLUMN_VALUE)
    {
      gtk_label_set_xalign (GTK_LABEL (label), 1.0);
      gtk_widget_add_css_class (label, "numeric");
    }
  if (column == SC_MEASURE_COLUMN_MEASURE)
    {
      /* The measure, and its program under it, dimmed. */
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *program = cell_label (TRUE);

      gtk_widget_add_css_class (program, "dim-label");
      gtk_widget_add_css_class (program, "caption");
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), program);
      gtk_list_item_set_child (item, box);
      return;
    }
  if (column == SC_MEASURE_COLUMN_STATUS)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *icon = gtk_image_new ();
      /* A measure the source calls 预计: the same badge as an expected
       * program's on the Programs page. */
      GtkWidget *badge = gtk_label_new (sc_program_status_label (SC_STATUS_EXPECTED));
      /* The status, and the badge under it: the column stays narrow. */
      GtkWidget *words = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

      gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
      /* The label next to it says the status: the icon is decoration. */
      gtk_accessible_update_state (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      gtk_widget_add_css_class (badge, "status-badge");
      gtk_widget_add_css_class (badge, sc_program_status_to_string (SC_STATUS_EXPECTED));
      gtk_widget_set_halign (badge, GTK_ALIGN_START);
      gtk_widget_set_visible (badge, FALSE);
      gtk_widget_set_valign (words, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (words), label);
      gtk_box_append (GTK_BOX (words), badge);
      gtk_box_append (GTK_BOX (box), icon);
      gtk_box_append (GTK_BOX (box), words);
      gtk_list_item_set_child (item, box);
      return;
    }
  gtk_list_item_set_child (item, label);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         gpointer                  data)
{
  ScMeasureColumn column = GPOINTER_TO_UINT (data);
  ScMeasureItem *row = gtk_list_item_get_item (item);
  GtkWidget *child = gtk_list_item_get_child (item);
  const char *text = sc_measure_item_get_text (row, column);
  GtkWidget *label = child;

  if (column == SC_MEASURE_COLUMN_MEASURE)
    {
      label = gtk_widget_get_first_child (child);
      gtk_label_set_text (GTK_LABEL (gtk_widget_get_next_sibling (label)),
                          sc_measure_item_get_text (row, SC_MEASURE_COLUMN_PROGRAM));
    }
  if (column == SC_MEASURE_COLUMN_STATUS)
    {
      ScMeasureStatus status = sc_measure_item_get_status (row);
      GtkWidget *icon = gtk_widget_get_first_child (child);
      GtkWidget *badge;
      static const char *const classes[] = { "success", "dim-label", "warning", "accent" };

      label = gtk_widget_get_first_child (gtk_widget_get_next_sibling (icon));
      badge = gtk_widget_get_next_sibling (label);
      gtk_widget_set_visible (badge, sc_measure_item_get_expected (row));
      gtk_image_set_from_icon_name (GTK_IMAGE (icon), sc_measure_status_icon (status));
      for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
        gtk_widget_remove_css_class (icon, classes[i]);
      if (status < G_N_ELEMENTS (classes))
        gtk_widget_add_css_class (icon, classes[status]);
    }
  gtk_label_set_text (GTK_LABEL (label), text);
}

static int
compare_text (gconstpointer a,
              gconstpointer b,
              gpointer      data)
{
  ScMeasureColumn column = GPOINTER_TO_UINT (data);

  return g_utf8_collate (sc_measure_item_get_text ((ScMeasureItem *) a, column),
                         sc_measure_item_get_text ((ScMeasureItem *) b, column));
}

static int
compare_value (gconstpointer a,
               gconstpointer b,
               gpointer      data)
{
  double va = sc_measure_item_get_value ((ScMeasureItem *) a);
  double vb = sc_measure_item_get_value ((ScMeasureItem *) b);

  if (va != vb)
    return va < vb ? -1 : 1;
  /* Among equal values, a higher rank sorts first when the list is sorted
   * by value descending: eligible, then needs information, then listed
   * rights, then not eligible. */
  {
    static const int rank[] = {
      [SC_MEASURE_ELIGIBLE] = 3,
      [SC_MEASURE_NEEDS_INFO] = 2,
      [SC_MEASURE_NOT_QUANTIFIED] = 1,
      [SC_MEASURE_NOT_ELIGIBLE] = 0,
    };
    return rank[sc_measure_item_get_status ((ScMeasureItem *) a)]
         - rank[sc_measure_item_get_status ((ScMeasureItem *) b)];
  }
}

static int
compare_status (gconstpointer a,
                gconstpointer b,
                gpointer      data)
{
  return (int) sc_measure_item_get_status ((ScMeasureItem *) a)
       - (int) sc_measure_item_get_status ((ScMeasureItem *) b);
}

static gboolean
filter_func (gpointer item,
             gpointer data)
{
  ScMeasuresView *self = data;
  ScMeasureItem *row = item;

  if (self->status >= 0 && (int) sc_measure_item_get_status (row) != self->status)
    return FALSE;
  if (self->text == NULL || *self->text == '\0')
    return TRUE;
  for (guint c = 0; c < SC_MEASURE_N_COLUMNS; c++)
    {
      g_autofree char *folded = g_utf8_casefold (sc_measure_item_get_text (row, c), -1);
      if (strstr (folded, self->text) != NULL)
        return TRUE;
    }
  return FALSE;
}

static void
update_count (ScMeasuresView *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  g_autofree char *text = g_strdup_printf (_("%u of %u measures"), shown, total);

  gtk_label_set_text (self->count_label, text);
}

/* Filters by text (any column) and status (-1 for every status). */
static void
set_filter (ScMeasuresView *self,
            const char     *text,
            int             status)
{
  g_free (self->text);
  self->text = text != NULL ? g_utf8_casefold (text, -1) : NULL;
  self->status = status;
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_count (self);
}

static void
search_changed_cb (GtkSearchEntry *entry,
                   ScMeasuresView *self)
{
  set_filter (self, gtk_editable_get_text (GTK_EDITABLE (entry)), self->status);
}

static void
status_selected_cb (GtkDropDown    *dropdown,
                    GParamSpec     *pspec,
                    ScMeasuresView *self)
{
  guint i = gtk_drop_down_get_selected (dropdown);

  g_free (self->text);
  self->text = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->search)), -1);
  self->status = i == 0 || i == GTK_INVALID_LIST_POSITION ? -1 : (int) i - 1;
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_count (self);
}

static void
refresh (ScMeasuresView *self)
{
  const ScResult *result = sc_document_get_result (self->document);
  GListModel *store = G_LIST_MODEL (self->store);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean same_rows;

  /* Rebuilding rows is the slow part of an edit: while the page is hidden
   * it waits until it is shown. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)) && g_list_model_get_n_items (store) > 0)
    {
      self->dirty = TRUE;
      return;
    }
  self->dirty = FALSE;

  for (guint i = 0; result != NULL && i < result->measures->len; i++)
    g_ptr_array_add (items, sc_measure_item_new (sc_document_get_catalog (self->document),
                                                 g_ptr_array_index (result->measures, i),
                                                 sc_lang_current ()));

  /* An edit usually changes a few values: replace only the rows that differ. */
  same_rows = items->len == g_list_model_get_n_items (store);
  for (guint i = 0; same_rows && i < items->len; i++)
    {
      g_autoptr(ScMeasureItem) old = g_list_model_get_item (store, i);
      same_rows = g_str_equal (sc_measure_item_get_key (old),
                               sc_measure_item_get_key (g_ptr_array_index (items, i)));
    }
  if (same_rows)
    {
      for (guint i = 0; i < items->len; i++)
        {
          g_autoptr(ScMeasureItem) old = g_list_model_get_item (store, i);
          if (!sc_measure_item_equal (old, g_ptr_array_index (items, i)))
            g_list_store_splice (self->store, i, 1, &items->pdata[i], 1);
        }
    }
  else
    g_list_store_splice (self->store, 0, g_list_model_get_n_items (store),
                         items->pdata, items->len);
  update_count (self);
}

/* measures.show-details (u): the details of the row at a position of the
 * rows shown; with no parameter, of the selected row. */
static void
show_details_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ScMeasuresView *self = SC_MEASURES_VIEW (widget);
  guint position = parameter != NULL ? g_variant_get_uint32 (parameter)
                                     : gtk_single_selection_get_selected (self->selection);
  g_autoptr(ScMeasureItem) item = NULL;
  ScMeasureDetails *details;

  if (position >= g_list_model_get_n_items (G_LIST_MODEL (self->sorted)))
    return;
  item = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);
  details = sc_measure_details_new (GTK_WINDOW (gtk_widget_get_root (widget)), item);
  gtk_window_present (GTK_WINDOW (details));
}

static void
row_activated_cb (ScMeasuresView *self,
                  guint           position)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "measures.show-details", "u", position);
}

static void
selection_changed_cb (ScMeasuresView *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "measures.show-selected",
                                 gtk_single_selection_get_selected (self->selection) != GTK_INVALID_LIST_POSITION);
}

static void
map_cb (ScMeasuresView *self)
{
  if (self->dirty)
    refresh (self);
}

static void
sc_measures_view_constructed (GObject *object)
{
  ScMeasuresView *self = SC_MEASURES_VIEW (object);

  G_OBJECT_CLASS (sc_measures_view_parent_class)->constructed (object);
  self->document = sc_page_get_document (SC_PAGE (self));

  g_signal_connect_object (self->document, "result-ready", G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);
  refresh (self);
}

static void
sc_measures_view_dispose (GObject *object)
{
  ScMeasuresView *self = SC_MEASURES_VIEW (object);

  g_clear_object (&self->sorted);
  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (sc_measures_view_parent_class)->dispose (object);
}

static void
sc_measures_view_class_init (ScMeasuresViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sc_measures_view_constructed;
  object_class->dispose = sc_measures_view_dispose;


  gtk_widget_class_install_action (widget_class, "measures.show-details", "u", show_details_action);
  gtk_widget_class_install_action (widget_class, "measures.show-selected", NULL, show_details_action);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/sc-measures-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ScMeasuresView, search);
  gtk_widget_class_bind_template_child (widget_class, ScMeasuresView, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ScMeasuresView, count_label);
  gtk_widget_class_bind_template_child (widget_class, ScMeasuresView, details_button);
  gtk_widget_class_bind_template_child (widget_class, ScMeasuresView, columns);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

/* The columns, each with its cells and its sorter: what the template
 * cannot say. */
static void
add_columns (ScMeasuresView *self)
{
  GtkColumnViewColumn *value_column = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (shown_columns); i++)
    {
      ScMeasureColumn c = shown_columns[i].column;
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;
      GtkSorter *sorter;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), GUINT_TO_POINTER (c));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), GUINT_TO_POINTER (c));
      column = gtk_column_view_column_new (_(shown_columns[i].title), factory);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_fixed_width (column, shown_columns[i].width);
      gtk_column_view_column_set_expand (column, shown_columns[i].expand);
      if (c == SC_MEASURE_COLUMN_VALUE)
        value_column = column;
      if (c == SC_MEASURE_COLUMN_VALUE)
        sorter = GTK_SORTER (gtk_custom_sorter_new (compare_value, NULL, NULL));
      else if (c == SC_MEASURE_COLUMN_STATUS)
        sorter = GTK_SORTER (gtk_custom_sorter_new (compare_status, NULL, NULL));
      else
        sorter = GTK_SORTER (gtk_custom_sorter_new (compare_text, GUINT_TO_POINTER (c), NULL));
      gtk_column_view_column_set_sorter (column, sorter);
      g_object_unref (sorter);
      gtk_column_view_append_column (self->columns, column);
      g_object_unref (column);   /* the column view keeps it */
    }
  gtk_sort_list_model_set_sorter (self->sorted, gtk_column_view_get_sorter (self->columns));
  /* What a merchant asks first is what is worth most: value, largest first. */
  gtk_column_view_sort_by_column (self->columns, value_column, GTK_SORT_DESCENDING);
}

static void
sc_measures_view_init (ScMeasuresView *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  GtkSingleSelection *selection;

  self->status = -1;
  gtk_widget_init_template (GTK_WIDGET (self));

  self->store = g_list_store_new (SC_TYPE_MEASURE_ITEM);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (self->store), GTK_FILTER (self->filter));
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (self->filtered), NULL);

  gtk_string_list_append (statuses, _("All"));
  for (ScMeasureStatus s = SC_MEASURE_ELIGIBLE; s <= SC_MEASURE_NOT_QUANTIFIED; s++)
    gtk_string_list_append (statuses, sc_measure_status_label (s));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (statuses));
  sc_a11y_name_inner_button (GTK_WIDGET (self->status_dropdown), _("Status"));
  /* Connected once it has its choices: setting them selects the first. */
  g_signal_connect (self->status_dropdown, "notify::selected", G_CALLBACK (status_selected_cb), self);
  sc_a11y_fix_mnemonic (GTK_WIDGET (self->details_button));

  selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->sorted)));
  self->selection = selection;
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_single_selection_set_selected (selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_swapped (selection, "notify::selected", G_CALLBACK (selection_changed_cb), self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "measures.show-selected", FALSE);
  /* The column view takes the selection model. */
  gtk_column_view_set_model (self->columns, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  add_columns (self);
}

GtkWidget *
sc_measures_view_new (ScDocument *document)
{
  g_return_val_if_fail (SC_IS_DOCUMENT (document), NULL);

  return g_object_new (SC_TYPE_MEASURES_VIEW, "document", document, NULL);
}

void
sc_measures_view_focus_search (ScMeasuresView *self)
{
  g_return_if_fail (SC_IS_MEASURES_VIEW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->search));
}
