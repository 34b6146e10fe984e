/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-ui"

#include "config.h"

#include "sc-overview-page.h"

#include "sc-chart-drivers.h"

#include "sc-a11y.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sc-chart-format.h"
#include "sc-chart-from-result.h"
#include "sc-verdict.h"

struct _ScOverviewPage
{
  ScPage        parent_instance;

  ScDocument   *document;     /* the page's (ScPage), borrowed */
  GtkDropDown  *kind_dropdown;
  ScChartView  *chart;
  GtkListBox   *verdicts;
  guint         n_verdicts;   /* rows in @verdicts, one label each */
  GtkListBox   *how_sure;     /* the verdict's robustness: one row, then one per assumption that flips it */
  char         *how_sure_text; /* what @how_sure shows */
  guint         how_sure_id;  /* the timeout that brings @how_sure up to date */
  ScChartKind   kind;

  /* The sensitivity sweep, computed on a worker thread. */
  GCancellable *sweep_cancellable;
  gboolean      sweep_asked;    /* a request is under way */
  guint         computing_id;   /* shows "Computing…" if the wait is long */
  char         *crossover;      /* the crossover line shown, kept until a newer sweep */
  gboolean      crossover_due;  /* the rows wait for the sweep of the latest state */
};

G_DEFINE_FINAL_TYPE (ScOverviewPage, sc_overview_page, SC_TYPE_PAGE)

enum
{
  PROP_0,
  PROP_KIND,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

static gboolean
kind_by_platform (ScChartKind kind)
{
  return kind == SC_CHART_OVERVIEW || kind == SC_CHART_FEES
      || kind == SC_CHART_SUBSIDIES || kind == SC_CHART_TRAFFIC;
}

/* The amounts one segment of a platform's bar shows: series @series of a
 * chart @model, as sc_chart_model_from_result() builds them. Returns the
 * number of amounts written to @amounts (0: the segment is no sum of
 * measures, e.g. the fees before any program). */
static guint
segment_amounts (const ScChartModel *model,
                 guint               series,
                 ScAmount            amounts[3])
{
  ScChartKind kind = model->kind;

  static const ScAmount subsidies[] = { SC_AMOUNT_CASH, SC_AMOUNT_AD_CREDIT, SC_AMOUNT_COUPON };

  switch (kind)
    {
    case SC_CHART_OVERVIEW:
      return sc_chart_overview_series_amounts (model, series, amounts);
    case SC_CHART_SUBSIDIES:
      if (series >= G_N_ELEMENTS (subsidies))
        return 0;
      amounts[0] = subsidies[series];
      return 1;
    case SC_CHART_TRAFFIC:
      amounts[0] = SC_AMOUNT_TRAFFIC_VALUE;
      return 1;
    case SC_CHART_FEES:
      /* "Fees after programs": what the programs took off. */
      if (series != 1)
        return 0;
      amounts[0] = SC_AMOUNT_FEE_REDUCTION;
      return 1;
    case SC_CHART_MEASURES:
    case SC_CHART_CUMULATIVE:
    case SC_CHART_SENSITIVITY:
    case SC_CHART_TIMELINE:
    case SC_CHART_N_KINDS:
    default:
      return 0;
    }
}

/* What one segment of a platform's bar is made of: the measures of that
 * platform that give the segment's amounts, worth most first, each with
 * its share of the segment. */
static char *
chart_detail (ScChartView        *view,
              const ScChartModel *model,
              guint               series,
              guint               point,
              gpointer            user_data)
{
  ScOverviewPage *self = user_data;
  const ScResult *result = sc_document_get_result (self->document);
  const ScPlatformResult *platform;
  g_autoptr(GPtrArray) parts = NULL;
  g_autoptr(GArray) values = NULL;
  ScAmount amounts[3];
  guint n_amounts;
  GString *s;

  if (result == NULL || !kind_by_platform (model->kind) || point >= result->platforms->len)
    return NULL;
  n_amounts = segment_amounts (model, series, amounts);
  if (n_amounts == 0)
    return model->kind == SC_CHART_FEES ? g_strdup (_("From the platform's fee baseline and your profile"))
                                        : NULL;
  platform = g_ptr_array_index (result->platforms, point);
  parts = g_ptr_array_new ();
  values = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint i = 0; i < result->measures->len; i++)
    {
      const ScMeasureResult *mr = g_ptr_array_index (result->measures, i);
      double value = 0;

      if (g_strcmp0 (mr->program->platform, platform->platform) != 0)
        continue;
      for (guint a = 0; a < n_amounts; a++)
        value += mr->totals[amounts[a]];
      if (value == 0)
        continue;
      /* Sorted by insertion below: largest first. */
      {
        guint at = 0;
        while (at < values->len && g_array_index (values, double, at) >= value)
          at++;
        g_ptr_array_insert (parts, at, (gpointer) mr);
        g_array_insert_val (values, at, value);
      }
    }
  if (parts->len == 0)
    return g_strdup (_("No measure adds to this part for this profile"));

  s = g_string_new (_("Made of:"));
  for (guint i = 0; i < parts->len && i < 5; i++)
    {
      const ScMeasureResult *mr = g_ptr_array_index (parts, i);
      g_autofree char *number = sc_chart_format_number (g_array_index (values, double, i), model->lang, 3);

      /* "≤ " marks a maximum, " *" an assumption, as on the Measures page. */
      g_string_append_printf (s, "\n· %s: %s¥%s%s", sc_text_get (&mr->measure->title, sc_lang_current ()),
                              mr->up_to ? "≤ " : "", number, (mr->basis & SC_BASIS_ASSUMED) ? " *" : "");
    }
  if (parts->len > 5)
    g_string_append_printf (s, "\n· %s", _("and more — see Measures"));
  return g_string_free (s, FALSE);
}

/* Makes @dropdown as wide as its longest item, so that choosing a chart
 * does not move the button under the pointer. */
static void
keep_width (GtkDropDown *dropdown)
{
  GListModel *items = gtk_drop_down_get_model (dropdown);
  int widest = 0;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (items, i);
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (dropdown),
                                                                        gtk_string_object_get_string (item));
      g_autoptr(PangoAttrList) bold = pango_attr_list_new ();
      int width;

      /* The theme sets the button's label in bold. */
      pango_attr_list_insert (bold, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_layout_set_attributes (layout, bold);
      pango_layout_get_pixel_size (layout, &width, NULL);
      widest = MAX (widest, width);
    }
  /* The button's padding, its arrow and a little room for a wider font. */
  gtk_widget_set_size_request (GTK_WIDGET (dropdown), widest * 21 / 20 + 64, -1);
}

ScChartModel *
sc_overview_page_build_model (ScOverviewPage *self,
                              const char     *lang)
{
  const ScResult *result;

  g_return_val_if_fail (SC_IS_OVERVIEW_PAGE (self), NULL);

  result = sc_document_get_result (self->document);
  if (result == NULL)
    return NULL;
  if (self->kind == SC_CHART_DRIVERS)
    return sc_chart_model_drivers (sc_document_get_catalog (self->document), sc_document_get_profile (self->document),
                                   result, sc_document_get_ranges (self->document),
                                   lang ? lang : sc_lang_current ());
  return sc_chart_model_from_result (self->kind, sc_document_get_catalog (self->document),
                                     sc_document_get_profile (self->document), result,
                                     self->kind == SC_CHART_SENSITIVITY
                                     ? sc_document_get_sweep (self->document) : NULL,
                                     lang ? lang : sc_lang_current ());
}

static const char *
platform_name (ScDocument *document,
               const char *platform)
{
  const ScBaseline *baseline = sc_catalog_find_baseline (sc_document_get_catalog (document), platform);

  return baseline != NULL ? sc_text_get (&baseline->name, sc_lang_current ()) : platform;
}

/* Where the leading platform changes as the monthly GMV varies, from the
 * same crossovers the sensitivity chart marks and the report lists: one
 * line, or NULL without a sweep (no monthly GMV). */
static char *
crossover_line (ScOverviewPage *self)
{
  const ScSweep *sweep = sc_document_get_sweep (self->document);
  const char *lang = sc_lang_current ();
  g_autoptr(GArray) crossovers = NULL;
  GString *line;

  if (sweep == NULL || sweep->n_evaluated == 0)
    return NULL;
  crossovers = sc_sweep_crossovers (sweep);
  if (crossovers->len == 0)
    {
      guint leader = sc_sweep_first_leader (sweep);
      g_autofree char *lo = sc_chart_format_number (sweep->points[0], lang, 3);
      g_autofree char *hi = sc_chart_format_number (sweep->points[sweep->n_points - 1], lang, 3);

      if (leader == G_MAXUINT)
        return NULL;
      /* TRANSLATORS: under the chart: "Kuaishou leads at every monthly GMV from ¥8,000 to ¥240k" */
      return g_strdup_printf (_("%s leads at every monthly GMV from ¥%s to ¥%s"),
                              platform_name (self->document, sweep->platforms[leader]), lo, hi);
    }
  line = g_string_new (NULL);
  for (guint k = 0; k < crossovers->len; k++)
    {
      const ScSweepCrossover *x = &g_array_index (crossovers, ScSweepCrossover, k);
      g_autofree char *gmv = sc_chart_format_number (x->at, lang, 3);

      if (k > 0)
        /* TRANSLATORS: between two "X leads above …" sentences on one line */
        g_string_append (line, _("; "));
      /* TRANSLATORS: under the chart: "Douyin leads above ¥193k a month of GMV (Kuaishou below)" */
      g_string_append_printf (line, _("%s leads above ¥%s a month of GMV (%s below)"),
                              platform_name (self->document, sweep->platforms[x->after]), gmv,
                              platform_name (self->document, sweep->platforms[x->before]));
    }
  return g_string_free (line, FALSE);
}

static void request_sweep (ScOverviewPage *self);

/* The verdict lines. The crossover line needs the sweep: with @wait it is
 * waited for (computed on the worker thread all the same); without, a
 * sweep not ready yet is asked for and the line shown before stays until
 * it arrives, so the rows neither block an edit's frame nor jump. */
static char **
verdict_lines (ScOverviewPage *self,
               gboolean        wait)
{
  const ScResult *result;
  GPtrArray *lines = g_ptr_array_new ();

  result = sc_document_get_result (self->document);
  if (result != NULL)
    {
      /* The same verdict as the reports': first what comes first and what
       * the ranking is by, then each platform in that order. */
      g_autoptr(ScVerdict) verdict = sc_verdict_new (result, sc_lang_current (), sc_chart_format_number);

      g_ptr_array_add (lines, g_strdup (verdict->headline));
      for (guint i = 0; i < verdict->ranks->len; i++)
        g_ptr_array_add (lines, sc_verdict_platform_line (verdict, result, i));
    }
  if (result != NULL)
    {
      char *crossover;

      if (!wait && !sc_document_has_sweep (self->document))
        {
          self->crossover_due = TRUE;
          request_sweep (self);
          crossover = g_strdup (self->crossover);
        }
      else
        {
          if (!wait)
            self->crossover_due = FALSE;
          crossover = crossover_line (self);
          g_free (self->crossover);
          self->crossover = g_strdup (crossover);
        }
      if (crossover != NULL)
        g_ptr_array_add (lines, crossover);
    }
  g_ptr_array_add (lines, NULL);
  return (char **) g_ptr_array_free (lines, FALSE);
}

char **
sc_overview_page_dup_verdicts (ScOverviewPage *self)
{
  g_return_val_if_fail (SC_IS_OVERVIEW_PAGE (self), NULL);
  return verdict_lines (self, TRUE);
}

/* A wait shorter than this keeps the chart that was shown: no flicker of
 * "Computing…" while the user types. */
#define COMPUTING_DELAY_MS 300

static void refresh_chart    (ScOverviewPage *self);
static void refresh_verdicts (ScOverviewPage *self);

static gboolean
show_computing_cb (gpointer data)
{
  ScOverviewPage *self = data;
  const ScResult *result = sc_document_get_result (self->document);
  ScChartModel *model;

  self->computing_id = 0;
  if (result == NULL)
    return G_SOURCE_REMOVE;
  /* The sensitivity chart's titles and axis, without lines yet. */
  model = sc_chart_model_from_result (SC_CHART_SENSITIVITY, sc_document_get_catalog (self->document),
                                      sc_document_get_profile (self->document), result, NULL,
                                      sc_lang_current ());
  if (model->empty_message == NULL)
    model->empty_message = g_strdup (_("Computing…"));
  sc_chart_view_set_model (self->chart, model);
  return G_SOURCE_REMOVE;
}

/* --- how sure (issue 13 §3) -------------------------------------------------- */

static GtkWidget *label_row_new (const char *text);

/*
 * The range analysis re-evaluates the estimate for each assumption's low
 * and high, and the list's rows are laid out again whenever its words
 * change, which they do with almost every edit (the values at which the
 * winner changes move with the profile): about 5 ms, as much as the rest of
 * an edit's redraw (tests/ui/bench-ui). So it waits until the user stops
 * typing for HOW_SURE_DELAY_MS, and the rows are made again only when the
 * words changed; the chart and the verdicts follow every keystroke.
 */
#define HOW_SURE_DELAY_MS 250

static gboolean
refresh_how_sure_idle (gpointer data)
{
  ScOverviewPage *self = data;
  ScDocument *document = self->document;
  g_autofree char *summary = NULL;
  g_auto(GStrv) lines = NULL;
  GtkWidget *child;

  self->how_sure_id = 0;
  if (document != NULL && sc_document_get_result (self->document) != NULL)
    summary = sc_range_describe (sc_document_get_ranges (document), sc_document_get_catalog (self->document));
  if (g_strcmp0 (summary, self->how_sure_text) == 0)
    return G_SOURCE_REMOVE;
  g_free (self->how_sure_text);
  self->how_sure_text = g_strdup (summary);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->how_sure))) != NULL)
    gtk_list_box_remove (self->how_sure, child);
  if (summary == NULL)
    return G_SOURCE_REMOVE;
  lines = g_strsplit (summary, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = g_str_has_prefix (lines[i], "– ") ? lines[i] + strlen ("– ") : lines[i];
      GtkWidget *row = label_row_new (line);

      if (i > 0)
        gtk_widget_add_css_class (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row)), "dim-label");
      gtk_list_box_append (self->how_sure, row);
    }
  return G_SOURCE_REMOVE;
}

/* @now: at the next idle (the page's first fill), else once edits pause. */
static void
refresh_how_sure (ScOverviewPage *self,
                  gboolean        now)
{
  g_clear_handle_id (&self->how_sure_id, g_source_remove);
  if (now)
    self->how_sure_id = g_idle_add_full (G_PRIORITY_LOW, refresh_how_sure_idle, self, NULL);
  else
    self->how_sure_id = g_timeout_add_full (G_PRIORITY_LOW, HOW_SURE_DELAY_MS, refresh_how_sure_idle, self, NULL);
}

static void
sweep_ready_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  g_autoptr(ScOverviewPage) self = data;
  g_autoptr(GError) error = NULL;
  gboolean ready = sc_document_compute_sweep_finish (SC_DOCUMENT (source), result, &error);

  /* The page was closed while the sweep ran. */
  if (self->document == NULL)
    return;
  self->sweep_asked = FALSE;
  /* Ready, or the document changed again before the hand-over: ask anew. */
  if (!ready && g_cancellable_is_cancelled (self->sweep_cancellable))
    return;
  if (self->kind == SC_CHART_SENSITIVITY)
    refresh_chart (self);
  if (self->crossover_due)
    refresh_verdicts (self);
}

/* Asks the worker thread for the sweep of the latest state, once. */
static void
request_sweep (ScOverviewPage *self)
{
  if (self->sweep_asked)
    return;
  self->sweep_asked = TRUE;
  sc_document_compute_sweep_async (self->document, self->sweep_cancellable,
                                   sweep_ready_cb, g_object_ref (self));
}

static void
refresh_chart (ScOverviewPage *self)
{
  ScDocument *document = self->document;
  const ScChartModel *shown;

  g_clear_handle_id (&self->computing_id, g_source_remove);
  if (self->kind != SC_CHART_SENSITIVITY || sc_document_has_sweep (document)
      || sc_document_get_result (self->document) == NULL)
    {
      sc_chart_view_set_model (self->chart, sc_overview_page_build_model (self, NULL));
      return;
    }
  /* The sweep is computed off the main thread. Meanwhile the chart keeps
   * the previous sweep; another chart gives way to a quiet "Computing…"
   * only when the wait is long enough to notice. */
  request_sweep (self);
  shown = sc_chart_view_get_model (self->chart);
  if (shown == NULL || shown->kind != SC_CHART_SENSITIVITY)
    self->computing_id = g_timeout_add (COMPUTING_DELAY_MS, show_computing_cb, self);
}

/*
 * A verdict row is a plain wrapping label: an edit retitles every row, and
 * an AdwActionRow's title (inside its boxes of prefixes and suffixes) cost
 * about 1 ms a row to measure again, most of an edit's redraw work.
 */
static void
set_verdict (GtkListBoxRow *row,
             const char    *text)
{
  GtkLabel *label = GTK_LABEL (gtk_list_box_row_get_child (row));

  if (g_strcmp0 (gtk_label_get_text (label), text) == 0)
    return;
  gtk_label_set_text (label, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}

/* A row of a boxed list that is a plain wrapping label showing @text.
 *
 * Its width request is in characters: without them GTK lays a wrapping
 * label's text out twice more each time it changes, to learn its narrowest
 * width (every word on a line of its own) and its widest (one line), and
 * the verdict's paragraphs made that about half of an edit's redraw work
 * (tests/ui/bench-ui.c: 8.2 → 6.3 ms per edit on the same machine). The
 * row is as wide as the list in any case, and the text wraps at that
 * width, so nothing a user sees moves (screenshots compared pixel for
 * pixel, English and Chinese, 1000 and 1280 px wide). */
static GtkWidget *
label_row_new (const char *text)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_width_chars (GTK_LABEL (label), 20);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 15);
  gtk_widget_set_margin_bottom (label, 15);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  set_verdict (GTK_LIST_BOX_ROW (row), text);
  return row;
}

static void
refresh_verdicts (ScOverviewPage *self)
{
  g_auto(GStrv) verdicts = NULL;
  GtkWidget *child;
  guint n;

  verdicts = verdict_lines (self, FALSE);
  n = g_strv_length (verdicts);
  /* An edit changes the numbers, rarely the platforms: retitle the rows in
   * place, so the list is not made again on every keystroke. */
  if (n > 0 && n == self->n_verdicts)
    {
      guint i = 0;

      for (child = gtk_widget_get_first_child (GTK_WIDGET (self->verdicts)); child != NULL && i < n;
           child = gtk_widget_get_next_sibling (child), i++)
        set_verdict (GTK_LIST_BOX_ROW (child), verdicts[i]);
      return;
    }
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->verdicts))) != NULL)
    gtk_list_box_remove (self->verdicts, child);
  self->n_verdicts = n;
  for (guint i = 0; verdicts[i] != NULL; i++)
    {
      gtk_list_box_append (self->verdicts, label_row_new (verdicts[i]));
    }
}

static void
refresh (ScOverviewPage *self)
{
  refresh_chart (self);
  refresh_verdicts (self);
  refresh_how_sure (self, self->how_sure_text == NULL);
}

static void
kind_selected_cb (GtkDropDown    *dropdown,
                  GParamSpec     *pspec,
                  ScOverviewPage *self)
{
  guint kind = gtk_drop_down_get_selected (dropdown);

  if (kind >= SC_CHART_SCENARIOS || kind == self->kind)
    return;
  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
  /* Before constructed() the first refresh is still to come. */
  if (self->document != NULL)
    refresh_chart (self);
}

static void
sc_overview_page_constructed (GObject *object)
{
  ScOverviewPage *self = SC_OVERVIEW_PAGE (object);

  G_OBJECT_CLASS (sc_overview_page_parent_class)->constructed (object);
  self->document = sc_page_get_document (SC_PAGE (self));

  g_signal_connect_object (self->document, "result-ready", G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
  refresh (self);
}

static void
sc_overview_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ScOverviewPage *self = SC_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_uint (value, self->kind);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_overview_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  ScOverviewPage *self = SC_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_KIND:
      gtk_drop_down_set_selected (self->kind_dropdown, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_overview_page_dispose (GObject *object)
{
  ScOverviewPage *self = SC_OVERVIEW_PAGE (object);

  /* A sweep that ends after this finds the page closed. */
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  self->document = NULL;
  g_clear_handle_id (&self->computing_id, g_source_remove);
  g_clear_handle_id (&self->how_sure_id, g_source_remove);
  g_clear_pointer (&self->how_sure_text, g_free);
  if (self->sweep_cancellable != NULL)
    g_cancellable_cancel (self->sweep_cancellable);
  g_clear_object (&self->sweep_cancellable);
  g_clear_pointer (&self->crossover, g_free);

  G_OBJECT_CLASS (sc_overview_page_parent_class)->dispose (object);
}

static void
sc_overview_page_class_init (ScOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sc_overview_page_constructed;
  object_class->get_property = sc_overview_page_get_property;
  object_class->set_property = sc_overview_page_set_property;
  object_class->dispose = sc_overview_page_dispose;

  /* The chart shown: an ScChartKind before SC_CHART_SCENARIOS. */
  properties[PROP_KIND] =
    g_param_spec_uint ("kind", NULL, NULL, 0, SC_CHART_SCENARIOS - 1, SC_CHART_OVERVIEW,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SC_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/sc-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ScOverviewPage, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ScOverviewPage, chart);
  gtk_widget_class_bind_template_child (widget_class, ScOverviewPage, verdicts);
  gtk_widget_class_bind_template_child (widget_class, ScOverviewPage, how_sure);
}

static void
sc_overview_page_init (ScOverviewPage *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->sweep_cancellable = g_cancellable_new ();
  self->kind = SC_CHART_OVERVIEW;

  /* Every kind but the comparison of two scenarios, which is the
   * Scenarios page's. It is last in the table, so a kind's position in the
   * list stays its number. */
  G_STATIC_ASSERT (SC_CHART_SCENARIOS == SC_CHART_N_KINDS - 1);
  for (guint k = 0; k < SC_CHART_SCENARIOS; k++)
    gtk_string_list_append (kinds, sc_chart_kind_label (k));
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (kinds));
  gtk_drop_down_set_selected (self->kind_dropdown, self->kind);
  sc_a11y_name_inner_button (GTK_WIDGET (self->kind_dropdown), _("Chart"));
  g_signal_connect (self->kind_dropdown, "notify::selected", G_CALLBACK (kind_selected_cb), self);
  keep_width (self->kind_dropdown);

  sc_chart_view_set_detail_func (self->chart, chart_detail, self, NULL);
}

static void
save_kind_cb (ScOverviewPage *self,
              GParamSpec     *pspec,
              GSettings      *settings)
{
  g_settings_set_string (settings, "chart-kind", sc_chart_kind_to_string (self->kind));
}

GtkWidget *
sc_overview_page_new (ScDocument *document,
                      GSettings  *settings)
{
  ScOverviewPage *self;
  guint kind = SC_CHART_OVERVIEW;

  g_return_val_if_fail (SC_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  if (settings != NULL)
    {
      g_autofree char *name = g_settings_get_string (settings, "chart-kind");
      ScChartKind saved;

      if (sc_chart_kind_from_string (name, &saved) && saved < SC_CHART_SCENARIOS)
        kind = saved;
    }
  self = g_object_new (SC_TYPE_OVERVIEW_PAGE, "document", document, "kind", kind, NULL);
  /* The chart the user chooses is the one the next window shows first. */
  if (settings != NULL)
    g_signal_connect_data (self, "notify::kind", G_CALLBACK (save_kind_cb), g_object_ref (settings),
                           (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  return GTK_WIDGET (self);
}

ScChartKind
sc_overview_page_get_kind (ScOverviewPage *self)
{
  g_return_val_if_fail (SC_IS_OVERVIEW_PAGE (self), SC_CHART_OVERVIEW);
  return self->kind;
}

void
sc_overview_page_set_kind (ScOverviewPage *self,
                           ScChartKind     kind)
{
  g_return_if_fail (SC_IS_OVERVIEW_PAGE (self));
  g_return_if_fail (kind < SC_CHART_N_KINDS);
  gtk_drop_down_set_selected (self->kind_dropdown, kind);
}

ScChartView *
sc_overview_page_get_chart_view (ScOverviewPage *self)
{
  g_return_val_if_fail (SC_IS_OVERVIEW_PAGE (self), NULL);
  return self->chart;
}
