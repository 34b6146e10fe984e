/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-ui"

#include "config.h"

#include "sc-scenarios-page.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sc-chart-scenarios.h"
#include "sc-chart-view.h"
#include "sc-compare.h"
#include "sc-format.h"

struct _ScScenariosPage
{
  ScPage        parent_instance;

  ScDocument   *document;   /* A: the page's (ScPage), borrowed */
  ScDocument   *scenario;   /* B, or NULL */

  /* template */
  GtkStack     *stack;
  GtkLabel     *names_label;
  ScChartView  *chart;
  GtkGrid      *table;
  GtkLabel     *footnote;
  GtkListBox   *changes;
};

G_DEFINE_FINAL_TYPE (ScScenariosPage, sc_scenarios_page, SC_TYPE_PAGE)

enum
{
  PROP_0,
  PROP_SCENARIO_DOCUMENT,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

/* Which of a platform's numbers a maximum (至高) counts in: its total
 * (as the result says), and money kept or tied when a measure that counts
 * a maximum adds to them. */
typedef struct
{
  gboolean total, kept, tied;
} UpTo;

static UpTo
platform_up_to (const ScResult *result,
                const char     *platform)
{
  UpTo up_to = { FALSE, FALSE, FALSE };

  for (guint i = 0; i < result->platforms->len; i++)
    {
      const ScPlatformResult *pr = g_ptr_array_index (result->platforms, i);

      if (g_str_equal (pr->platform, platform))
        up_to.total = pr->up_to;
    }
  for (guint i = 0; i < result->measures->len; i++)
    {
      const ScMeasureResult *mr = g_ptr_array_index (result->measures, i);

      if (!mr->up_to || g_strcmp0 (mr->program->platform, platform) != 0)
        continue;
      up_to.kept |= sc_totals_kept (mr->totals) != 0;
      up_to.tied |= sc_totals_tied (mr->totals) != 0;
    }
  return up_to;
}

/* "≤ ¥12,345.60 *": a maximum keeps its "≤" and an assumption its "*", as
 * on the other pages. */
static char *
money_text (double   value,
            gboolean up_to,
            gboolean assumed)
{
  char buf[64];

  return g_strdup_printf ("%s¥%s%s", up_to ? "≤ " : "", sc_format_money (buf, sizeof buf, value),
                          assumed ? " *" : "");
}

/* "+¥1,200", "−¥350" (a true minus sign), "¥0". */
static char *
diff_text (double value)
{
  char buf[64];

  if (fabs (value) < 0.005)
    return g_strdup ("¥0");
  return g_strdup_printf ("%s¥%s", value > 0 ? "+" : "−", sc_format_money (buf, sizeof buf, fabs (value)));
}

static GtkWidget *
cell (const char *text,
      float       xalign,
      const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  return label;
}

static void
clear_table (ScScenariosPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->table))) != NULL)
    gtk_grid_remove (self->table, child);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->changes))) != NULL)
    gtk_list_box_remove (self->changes, child);
}

static void
add_value_row (ScScenariosPage *self,
               int              row,
               const char      *what,
               const double    *values,
               const gboolean  *up_to,
               const gboolean  *assumed)
{
  gtk_grid_attach (self->table, cell (what, 0, NULL), 0, row, 1, 1);
  for (guint s = 0; s < SC_COMPARE_N; s++)
    {
      g_autofree char *text = money_text (values[s], up_to[s], assumed[s]);

      gtk_grid_attach (self->table, cell (text, 1, "numeric"), 1 + s, row, 1, 1);
    }
  {
    g_autofree char *diff = diff_text (sc_compare_diff (values));

    gtk_grid_attach (self->table, cell (diff, 1, "numeric"), 1 + SC_COMPARE_N, row, 1, 1);
  }
}

static void
fill_table (ScScenariosPage  *self,
            const ScCompare  *compare,
            const ScResult  **results)
{
  static const gboolean no[SC_COMPARE_N] = { FALSE, FALSE };
  int row = 0;

  {
    GtkWidget *first = cell (_("Platform"), 0, "heading");

    /* The labels take the room; the numbers keep to the right. */
    gtk_widget_set_hexpand (first, TRUE);
    gtk_grid_attach (self->table, first, 0, row, 1, 1);
  }
  gtk_grid_attach (self->table, cell ("A", 1, "heading"), 1, row, 1, 1);
  gtk_grid_attach (self->table, cell ("B", 1, "heading"), 2, row, 1, 1);
  gtk_grid_attach (self->table, cell (_("B − A"), 1, "heading"), 3, row, 1, 1);
  row++;
  for (guint i = 0; i < compare->platforms->len; i++)
    {
      const ScComparePlatform *p = g_ptr_array_index (compare->platforms, i);
      gboolean total_up_to[SC_COMPARE_N], kept_up_to[SC_COMPARE_N], tied_up_to[SC_COMPARE_N];
      GtkWidget *name = cell (p->name, 0, "heading");

      for (guint s = 0; s < SC_COMPARE_N; s++)
        {
          UpTo up_to = platform_up_to (results[s], p->platform);

          total_up_to[s] = up_to.total;
          kept_up_to[s] = up_to.kept;
          tied_up_to[s] = up_to.tied;
        }
      gtk_widget_set_margin_top (name, i == 0 ? 6 : 12);
      gtk_grid_attach (self->table, name, 0, row++, 1 + SC_COMPARE_N + 1, 1);
      add_value_row (self, row++, _("Total value"), p->total, total_up_to, p->assumed);
      add_value_row (self, row++, _("Money kept"), p->kept, kept_up_to, no);
      add_value_row (self, row++, _("Tied to the platform"), p->tied, tied_up_to, no);
      if (fabs (p->expected[0]) >= 0.005 || fabs (p->expected[1]) >= 0.005)
        add_value_row (self, row++, _("Expected, not in force"), p->expected, no, no);
    }
}

static void
fill_changes (ScScenariosPage *self,
              const ScCompare *compare)
{
  if (compare->changes->len == 0)
    {
      GtkWidget *none = gtk_label_new (_("No measure changes status between the two scenarios."));

      gtk_label_set_wrap (GTK_LABEL (none), TRUE);
      gtk_widget_add_css_class (none, "dim-label");
      gtk_widget_set_margin_top (none, 12);
      gtk_widget_set_margin_bottom (none, 12);
      gtk_widget_set_margin_start (none, 12);
      gtk_widget_set_margin_end (none, 12);
      gtk_list_box_append (self->changes, none);
      return;
    }
  for (guint i = 0; i < compare->changes->len; i++)
    {
      const ScCompareChange *c = g_ptr_array_index (compare->changes, i);
      GtkWidget *row = adw_action_row_new ();
      /* Translators: a measure's status in scenario A, then in B. */
      g_autofree char *statuses = g_strdup_printf (_("%s → %s"), sc_measure_status_label (c->status[0]),
                                                   sc_measure_status_label (c->status[1]));
      GtkWidget *suffix = gtk_label_new (statuses);
      g_autofree char *title = g_markup_escape_text (c->measure_name, -1);
      g_autofree char *subtitle = g_markup_escape_text (c->program_name, -1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      /* The statuses keep to one line; the measure's title wraps. */
      gtk_label_set_xalign (GTK_LABEL (suffix), 1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);
      gtk_list_box_append (self->changes, row);
    }
}

/* "A · Name (file.shangce)" and "B · Name (not saved •)". */
static char *
scenario_line (const char *letter,
               ScDocument *document)
{
  g_autofree char *title = sc_document_dup_title (document);
  GFile *file = sc_document_get_file (document);
  g_autofree char *where = file != NULL ? g_file_get_basename (file) : g_strdup (_("Not saved"));
  g_autofree char *escaped_title = g_markup_escape_text (title, -1);
  g_autofree char *escaped_where = g_markup_escape_text (where, -1);

  return g_strdup_printf ("<b>%s</b> · %s <span alpha=\"60%%\">(%s%s)</span>", letter, escaped_title,
                          escaped_where, sc_document_get_modified (document) ? " •" : "");
}

static void
update (ScScenariosPage *self)
{
  ScDocument *documents[SC_COMPARE_N];
  const ScResult *results[SC_COMPARE_N];
  g_autoptr(ScCompare) compare = NULL;
  g_autofree char *a = NULL, *b = NULL, *names = NULL;
  g_autofree char *footnote = NULL;

  clear_table (self);
  if (self->scenario == NULL)
    {
      sc_chart_view_set_model (self->chart, NULL);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  documents[0] = self->document;
  documents[1] = self->scenario;
  compare = sc_compare_documents (documents[0], documents[1]);
  for (guint s = 0; s < SC_COMPARE_N; s++)
    results[s] = sc_document_get_result (documents[s]);

  a = scenario_line ("A", self->document);
  b = scenario_line ("B", self->scenario);
  names = g_strconcat (a, "\n", b, NULL);
  gtk_label_set_markup (self->names_label, names);
  sc_chart_view_set_model (self->chart, sc_chart_model_from_documents (documents, SC_COMPARE_N,
                                                                       sc_document_get_lang (documents[0])));
  fill_table (self, compare, results);
  fill_changes (self, compare);

  footnote = g_strconcat (_("Money in yuan over the horizon. Money kept: lower fees, cash, faster settlement; "
                            "tied to the platform: ad credit, coupons, traffic."),
                          " ", _("≤ a maximum the program promises; * rests on an assumption."), NULL);
  gtk_label_set_text (self->footnote, footnote);
  gtk_stack_set_visible_child_name (self->stack, "compare");
}

/* What the page shows of a document: its result, its title and file and
 * whether it is modified. */
static void
follow (ScScenariosPage *self,
        ScDocument      *document)
{
  g_signal_connect_object (document, "result-ready", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::modified", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::file", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
}

static void
set_scenario_document (ScScenariosPage *self,
                       ScDocument      *scenario)
{
  if (scenario == self->scenario)
    return;
  if (self->scenario != NULL)
    g_signal_handlers_disconnect_by_data (self->scenario, self);
  g_set_object (&self->scenario, scenario);
  if (scenario != NULL)
    follow (self, scenario);
  /* Before constructed() the first update is still to come. */
  if (self->document != NULL)
    update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCENARIO_DOCUMENT]);
}

static void
sc_scenarios_page_constructed (GObject *object)
{
  ScScenariosPage *self = SC_SCENARIOS_PAGE (object);

  G_OBJECT_CLASS (sc_scenarios_page_parent_class)->constructed (object);
  self->document = sc_page_get_document (SC_PAGE (self));

  follow (self, self->document);
  update (self);
}

static void
sc_scenarios_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ScScenariosPage *self = SC_SCENARIOS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SCENARIO_DOCUMENT:
      g_value_set_object (value, self->scenario);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_scenarios_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  ScScenariosPage *self = SC_SCENARIOS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SCENARIO_DOCUMENT:
      set_scenario_document (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_scenarios_page_dispose (GObject *object)
{
  ScScenariosPage *self = SC_SCENARIOS_PAGE (object);

  if (self->scenario != NULL)
    g_signal_handlers_disconnect_by_data (self->scenario, self);
  g_clear_object (&self->scenario);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  self->document = NULL;

  G_OBJECT_CLASS (sc_scenarios_page_parent_class)->dispose (object);
}

static void
sc_scenarios_page_class_init (ScScenariosPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sc_scenarios_page_constructed;
  object_class->get_property = sc_scenarios_page_get_property;
  object_class->set_property = sc_scenarios_page_set_property;
  object_class->dispose = sc_scenarios_page_dispose;

  /* Scenario B's document, or NULL: compared with the page's "document" (A). */
  properties[PROP_SCENARIO_DOCUMENT] =
    g_param_spec_object ("scenario-document", NULL, NULL, SC_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SC_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/sc-scenarios-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ScScenariosPage, stack);
  gtk_widget_class_bind_template_child (widget_class, ScScenariosPage, names_label);
  gtk_widget_class_bind_template_child (widget_class, ScScenariosPage, chart);
  gtk_widget_class_bind_template_child (widget_class, ScScenariosPage, table);
  gtk_widget_class_bind_template_child (widget_class, ScScenariosPage, footnote);
  gtk_widget_class_bind_template_child (widget_class, ScScenariosPage, changes);
}

static void
sc_scenarios_page_init (ScScenariosPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
sc_scenarios_page_new (ScDocument *document)
{
  g_return_val_if_fail (SC_IS_DOCUMENT (document), NULL);

  return g_object_new (SC_TYPE_SCENARIOS_PAGE, "document", document, NULL);
}
