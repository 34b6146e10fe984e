/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-ui"

#include "config.h"

#include "sc-chart-view.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "sc-chart-format.h"
#include "sc-chart.h"

/*
 * ScChartView: the chart widget. It draws with sc_chart_draw_layout(), the
 * same renderer as export and print, keeps one layout per size for drawing
 * and hit-testing, follows the light or dark style, and gives the chart's
 * values to assistive technology as a description.
 *
 * GTK hands the snapshot's Cairo context already scaled to the monitor's
 * scale factor, so the chart is drawn crisp on HiDPI screens; the layout is
 * in device-independent pixels.
 *
 * The layout's type is sized for a slide (800×450 and up): in a window pane
 * its footnote came out at 7 px. Where its smallest text would be below
 * MIN_TEXT_PX on screen, the chart is laid out on a smaller logical canvas
 * and drawn zoomed, so every text stays legible and the layout still makes
 * room for it (dropping labels that no longer fit rather than overlapping).
 */

/* The smallest type on screen, in px. */
#define MIN_TEXT_PX 11.0
/* The least height of the plot on screen, in px: below it the type fits
 * but the bars do not. The widget asks for the height that leaves it. */
#define MIN_PLOT_PX 120.0

struct _ScChartView
{
  GtkWidget              parent_instance;

  ScChartModel          *model;
  ScChartLayout         *layout;
  double                 zoom;      /* screen px per layout px */
  int                    min_height_for;  /* the width min_height was measured at, or -1 */
  int                    min_height;
  char                  *text_key;  /* the model's words that decide min_height (see text_key_of) */
  ScChartViewDetailFunc  detail_func;
  gpointer               detail_data;
  GDestroyNotify         detail_destroy;
  guint                  draw_count;
};

G_DEFINE_FINAL_TYPE (ScChartView, sc_chart_view, GTK_TYPE_WIDGET)

static gboolean
style_is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

/* How much to zoom a layout of a @width × @height widget so that its
 * smallest text is at least MIN_TEXT_PX on screen (1: no need). */
static double
zoom_for (double width,
          double height)
{
  double zoom = 1;

  for (guint i = 0; i < 60; i++)
    {
      ScChartTextStyle styles[SC_CHART_N_TEXT_STYLES];
      guint n = sc_chart_layout_text_styles (width / zoom, height / zoom, styles);
      double smallest = G_MAXDOUBLE;

      for (guint k = 0; k < n; k++)
        smallest = MIN (smallest, styles[k].size);
      if (smallest * zoom >= MIN_TEXT_PX)
        break;
      zoom *= 1.02;
    }
  return zoom;
}

static const ScChartLayout *
ensure_layout (ScChartView *self,
               double       width,
               double       height)
{
  gboolean dark = style_is_dark ();
  double zoom;

  if (self->model == NULL || width < 1 || height < 1)
    return NULL;
  if (self->model->dark != dark)
    {
      self->model->dark = dark;
      g_clear_pointer (&self->layout, sc_chart_layout_free);
    }
  zoom = zoom_for (width, height);
  if (self->layout != NULL
      && (self->layout->width != width / zoom || self->layout->height != height / zoom))
    g_clear_pointer (&self->layout, sc_chart_layout_free);
  if (self->layout == NULL)
    {
      self->layout = sc_chart_layout_new (self->model, width / zoom, height / zoom);
      self->zoom = zoom;
    }
  return self->layout;
}

static void
sc_chart_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  ScChartView *self = SC_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  const ScChartLayout *layout = ensure_layout (self, width, height);
  cairo_t *cr;

  if (layout == NULL)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_scale (cr, self->zoom, self->zoom);
  sc_chart_draw_layout (self->model, layout, cr);
  cairo_destroy (cr);
  self->draw_count++;
}

static GtkSizeRequestMode
sc_chart_view_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

/* The height a @width wide chart needs for its text (which wraps more
 * the narrower it is) and a plot of MIN_PLOT_PX. */
static int
min_height_for_width (ScChartView *self,
                      int          width)
{
  const double probe = 600;
  ScChartLayout *layout;
  double zoom;

  if (self->model == NULL || width < 1)
    return 220;
  if (self->min_height_for == width)
    return self->min_height;
  zoom = zoom_for (width, probe);
  layout = sc_chart_layout_new (self->model, width / zoom, probe / zoom);
  self->min_height = CLAMP ((int) ceil ((layout->height - layout->plot.height) * zoom + MIN_PLOT_PX), 220, 1200);
  self->min_height_for = width;
  sc_chart_layout_free (layout);
  return self->min_height;
}

static void
sc_chart_view_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  ScChartView *self = SC_CHART_VIEW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 320;
      *natural = 800;
      return;
    }
  *minimum = for_size > 0 ? min_height_for_width (self, for_size) : 220;
  *natural = MAX (*minimum, 450);
}

static gboolean
rect_hit (const ScChartRect *r,
          double             x,
          double             y,
          double             slack)
{
  return x >= r->x - slack && x <= r->x + r->width + slack
      && y >= r->y - slack && y <= r->y + r->height + slack;
}

static const char *
model_category (const ScChartModel *model,
                guint               point)
{
  if (point < model->categories->len)
    return g_ptr_array_index (model->categories, point);
  return NULL;
}

static char *
describe_point (ScChartView *self,
                guint        series_index,
                guint        point)
{
  const ScChartModel *model = self->model;
  const ScChartSeries *series;
  GString *s = g_string_new (NULL);
  g_autofree char *number = NULL;
  const char *category = model_category (model, point);
  const char *label;
  double value;

  if (series_index >= model->series->len)
    return g_string_free (s, TRUE);
  series = g_ptr_array_index (model->series, series_index);
  value = sc_chart_series_get (series, point);
  number = sc_chart_format_number (value, model->lang, 3);
  label = sc_chart_series_get_label (series, point);

  if (category != NULL)
    g_string_append_printf (s, "<b>%s</b>\n", category);
  else if (model->x_values != NULL && point < model->x_values->len)
    {
      g_autofree char *x = sc_chart_format_number (g_array_index (model->x_values, double, point),
                                                   model->lang, 3);
      g_string_append_printf (s, "<b>%s %s</b>\n", model->x_axis ? model->x_axis : "", x);
    }
  {
    g_autofree char *name = g_markup_escape_text (series->name ? series->name : "", -1);
    g_autofree char *text = g_markup_escape_text (label ? label : number, -1);
    /* A maximum (至高) says so, as the bar's label and the Measures page do. */
    g_string_append_printf (s, "%s: %s%s %s", name,
                            sc_chart_series_is_up_to (series, point) ? _("up to ") : "", text,
                            model->value_axis && label == NULL ? model->value_axis : "");
  }
  if (sc_chart_series_is_assumed (series, point))
    g_string_append_printf (s, "\n<i>%s</i>", _("Rests on an assumption"));
  if (self->detail_func != NULL)
    {
      g_autofree char *detail = self->detail_func (self, model, series_index, point,
                                                   self->detail_data);
      if (detail != NULL && *detail != '\0')
        {
          g_autofree char *escaped = g_markup_escape_text (detail, -1);
          g_string_append_printf (s, "\n%s", escaped);
        }
    }
  return g_string_free (s, FALSE);
}

char *
sc_chart_view_describe_at (ScChartView *self,
                           double       x,
                           double       y)
{
  const ScChartLayout *layout;

  g_return_val_if_fail (SC_IS_CHART_VIEW (self), NULL);

  layout = ensure_layout (self, gtk_widget_get_width (GTK_WIDGET (self)),
                          gtk_widget_get_height (GTK_WIDGET (self)));
  if (layout == NULL || layout->empty)
    return NULL;
  x /= self->zoom;
  y /= self->zoom;

  /* Topmost first: the last bar drawn is the one the pointer sees. */
  for (guint i = layout->bars->len; i > 0; i--)
    {
      const ScChartBar *bar = &g_array_index (layout->bars, ScChartBar, i - 1);
      if (rect_hit (&bar->rect, x, y, 1))
        return describe_point (self, bar->series, bar->point);
    }

  for (guint i = 0; i < layout->spans->len; i++)
    {
      const ScChartSpanBox *box = &g_array_index (layout->spans, ScChartSpanBox, i);
      if (rect_hit (&box->rect, x, y, 1) && box->span < self->model->spans->len)
        {
          const ScChartSpan *span = g_ptr_array_index (self->model->spans, box->span);
          g_autofree char *label = g_markup_escape_text (span->label, -1);
          const char *row = model_category (self->model, span->row);
          g_autofree char *row_e = g_markup_escape_text (row ? row : "", -1);
          return g_strdup_printf ("<b>%s</b>\n%s\n%.1f – %s", label, row_e, span->start,
                                  span->open_end ? _("open end") : "");
        }
    }

  /* Lines: the nearest point within a few pixels. */
  {
    double best = (12 / self->zoom) * (12 / self->zoom);
    int best_series = -1, best_point = -1;

    for (guint i = 0; i < layout->lines->len; i++)
      {
        const ScChartLine *line = g_ptr_array_index (layout->lines, i);
        for (guint p = 0; p < line->points->len; p++)
          {
            const ScChartPoint *pt = &g_array_index (line->points, ScChartPoint, p);
            double d;
            if (isnan (pt->x) || isnan (pt->y))
              continue;
            d = (pt->x - x) * (pt->x - x) + (pt->y - y) * (pt->y - y);
            if (d < best)
              {
                best = d;
                best_series = line->series;
                best_point = p;
              }
          }
      }
    if (best_series >= 0)
      return describe_point (self, best_series, best_point);
  }
  return NULL;
}

static gboolean
query_tooltip_cb (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  ScChartView *self = SC_CHART_VIEW (widget);
  g_autofree char *text = NULL;

  if (keyboard)
    text = g_markup_escape_text (self->model && self->model->title ? self->model->title : "", -1);
  else
    text = sc_chart_view_describe_at (self, x, y);
  if (text == NULL || *text == '\0')
    return FALSE;
  gtk_tooltip_set_markup (tooltip, text);
  return TRUE;
}

static void
dark_changed_cb (ScChartView *self)
{
  g_clear_pointer (&self->layout, sc_chart_layout_free);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
sc_chart_view_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  /* The layout is rebuilt lazily at the new size in snapshot. */
}

static void
sc_chart_view_dispose (GObject *object)
{
  ScChartView *self = SC_CHART_VIEW (object);

  g_clear_pointer (&self->layout, sc_chart_layout_free);
  g_clear_pointer (&self->model, sc_chart_model_free);
  g_clear_pointer (&self->text_key, g_free);
  if (self->detail_destroy != NULL)
    self->detail_destroy (self->detail_data);
  self->detail_destroy = NULL;
  self->detail_func = NULL;

  G_OBJECT_CLASS (sc_chart_view_parent_class)->dispose (object);
}

static void
sc_chart_view_class_init (ScChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_chart_view_dispose;
  widget_class->snapshot = sc_chart_view_snapshot;
  widget_class->measure = sc_chart_view_measure;
  widget_class->get_request_mode = sc_chart_view_get_request_mode;
  widget_class->size_allocate = sc_chart_view_size_allocate;

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
sc_chart_view_init (ScChartView *self)
{
  self->zoom = 1;
  self->min_height_for = -1;
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Chart"),
                                  -1);
}

GtkWidget *
sc_chart_view_new (void)
{
  return g_object_new (SC_TYPE_CHART_VIEW, NULL);
}

char *
sc_chart_view_dup_summary (ScChartView *self)
{
  const ScChartModel *model;
  GString *s;

  g_return_val_if_fail (SC_IS_CHART_VIEW (self), NULL);

  model = self->model;
  if (model == NULL)
    return g_strdup ("");
  s = g_string_new (model->title ? model->title : "");
  if (model->subtitle != NULL)
    g_string_append_printf (s, ". %s", model->subtitle);
  if (sc_chart_model_is_empty (model))
    {
      g_string_append_printf (s, ". %s", model->empty_message ? model->empty_message
                                                              : _("No value in the horizon"));
      return g_string_free (s, FALSE);
    }
  for (guint p = 0; p < sc_chart_model_n_points (model) && p < 40; p++)
    {
      const char *category = model_category (model, p);
      g_string_append (s, ". ");
      if (category != NULL)
        g_string_append_printf (s, "%s: ", category);
      for (guint i = 0; i < model->series->len; i++)
        {
          const ScChartSeries *series = g_ptr_array_index (model->series, i);
          g_autofree char *number = sc_chart_format_number (sc_chart_series_get (series, p),
                                                            model->lang, 3);
          g_string_append_printf (s, "%s%s %s%s", i > 0 ? ", " : "", series->name,
                                  sc_chart_series_is_up_to (series, p) ? _("up to ") : "", number);
        }
    }
  for (guint i = 0; i < model->spans->len; i++)
    {
      const ScChartSpan *span = g_ptr_array_index (model->spans, i);
      g_string_append_printf (s, ". %s", span->label);
    }
  return g_string_free (s, FALSE);
}

static void
append_strings (GString   *key,
                GPtrArray *strings)
{
  for (guint i = 0; strings != NULL && i < strings->len; i++)
    g_string_append_printf (key, "%s\x1f", (const char *) g_ptr_array_index (strings, i));
  g_string_append_c (key, '\x1e');
}

/* Everything of @model but its values that the height of its text depends
 * on: titles, axes, legend, categories, footnotes and the assumptions
 * note. An edit that changes only numbers keeps it, and with it the
 * height the widget asked for. (transfer full) */
static char *
text_key_of (const ScChartModel *model)
{
  GString *key;

  if (model == NULL)
    return NULL;
  key = g_string_new (NULL);
  g_string_append_printf (key, "%d %d %s %d %d %d %d %d\x1e", model->kind, model->style, model->lang,
                          model->stacked, model->show_footnote, sc_chart_model_is_empty (model),
                          sc_chart_model_any_assumed (model), model->spans->len);
  g_string_append_printf (key, "%s\x1f%s\x1f%s\x1f%s\x1f%s\x1e", model->title ? model->title : "",
                          model->subtitle ? model->subtitle : "", model->value_axis ? model->value_axis : "",
                          model->x_axis ? model->x_axis : "", model->empty_message ? model->empty_message : "");
  for (guint i = 0; i < model->series->len; i++)
    {
      const ScChartSeries *series = g_ptr_array_index (model->series, i);

      g_string_append_printf (key, "%s%s\x1f", series->name ? series->name : "",
                              sc_chart_series_any_assumed (series) ? "*" : "");
    }
  append_strings (key, model->categories);
  append_strings (key, model->footnotes);
  append_strings (key, model->assumptions);
  return g_string_free (key, FALSE);
}

void
sc_chart_view_set_model (ScChartView  *self,
                         ScChartModel *model)
{
  g_autofree char *summary = NULL;
  g_autofree char *key = NULL;
  gboolean same_text;

  g_return_if_fail (SC_IS_CHART_VIEW (self));

  key = text_key_of (model);
  same_text = key != NULL && g_strcmp0 (key, self->text_key) == 0;
  g_clear_pointer (&self->layout, sc_chart_layout_free);
  g_clear_pointer (&self->model, sc_chart_model_free);
  self->model = model;
  g_free (self->text_key);
  self->text_key = g_steal_pointer (&key);

  summary = sc_chart_view_dup_summary (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  model && model->title ? model->title : _("Chart"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary,
                                  -1);
  /* New numbers in the same words: the same height, only a repaint (the
   * window is not measured again). Another chart may need another height
   * for its text. */
  if (same_text)
    {
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }
  self->min_height_for = -1;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

const ScChartLayout *
sc_chart_view_get_layout (ScChartView *self,
                          double      *zoom)
{
  const ScChartLayout *layout;

  g_return_val_if_fail (SC_IS_CHART_VIEW (self), NULL);

  layout = ensure_layout (self, gtk_widget_get_width (GTK_WIDGET (self)),
                          gtk_widget_get_height (GTK_WIDGET (self)));
  if (zoom != NULL)
    *zoom = self->zoom;
  return layout;
}

const ScChartModel *
sc_chart_view_get_model (ScChartView *self)
{
  g_return_val_if_fail (SC_IS_CHART_VIEW (self), NULL);
  return self->model;
}

void
sc_chart_view_set_detail_func (ScChartView           *self,
                               ScChartViewDetailFunc  func,
                               gpointer               user_data,
                               GDestroyNotify         destroy)
{
  g_return_if_fail (SC_IS_CHART_VIEW (self));

  if (self->detail_destroy != NULL)
    self->detail_destroy (self->detail_data);
  self->detail_func = func;
  self->detail_data = user_data;
  self->detail_destroy = destroy;
}

GdkTexture *
sc_chart_view_render_texture (ScChartView *self)
{
  int width, height, scale;
  cairo_surface_t *surface;
  g_autoptr(GBytes) bytes = NULL;
  GdkTexture *texture;
  cairo_t *cr;

  g_return_val_if_fail (SC_IS_CHART_VIEW (self), NULL);

  if (self->model == NULL)
    return NULL;
  width = MAX (gtk_widget_get_width (GTK_WIDGET (self)), 800);
  height = MAX (gtk_widget_get_height (GTK_WIDGET (self)), 450);
  scale = MAX (gtk_widget_get_scale_factor (GTK_WIDGET (self)), 1);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  sc_chart_draw (self->model, cr, width, height);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                       (gsize) cairo_image_surface_get_stride (surface) * height * scale);
  texture = gdk_memory_texture_new (width * scale, height * scale,
                                    GDK_MEMORY_DEFAULT, bytes,
                                    cairo_image_surface_get_stride (surface));
  cairo_surface_destroy (surface);
  return texture;
}

guint
sc_chart_view_get_draw_count (ScChartView *self)
{
  g_return_val_if_fail (SC_IS_CHART_VIEW (self), 0);
  return self->draw_count;
}
