/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-chart"

/*
 * The chart's text for a PDF or an SVG, drawn with fonts cut down to the
 * glyphs the chart shows before cairo sees them.
 *
 * Given Noto Sans CJK as Pango picks it, cairo's PDF surface reads the
 * font's whole CFF table (16 MB of the 19 MB collection, per weight) into
 * memory to subset it, and cairo's PDF and SVG surfaces walk the
 * 44,810-entry cmap once per glyph to find its character: most of a vector
 * export's time and memory (measured in tests/chart/bench-vector.py). Here
 * HarfBuzz subsets each font first, straight from the file FreeType has
 * mapped, and the glyphs Pango shaped are renumbered into it; cairo then
 * reads a font of a few kilobytes, whose outlines are the same (the SVG is
 * the same bytes). The text is laid out and shaped by Pango exactly as
 * measured, and drawn at Pango's positions with the characters attached
 * (cairo_show_text_glyphs), so a PDF's text stays selectable and
 * searchable.
 *
 * An SVG has no text to select: its glyphs are written here as outlines,
 * each once (sc_chart_svg_glyphs(), below), and cairo draws only the
 * shapes. The subset fonts serve an SVG only when a text needs cairo's own
 * drawing (a synthetic bold, a slanted or varied font, a missing glyph).
 */

#include "config.h"

#include "sc-chart-private.h"

#include <cairo-ft.h>
#include <hb-subset.h>
#include <math.h>
#include <pango/pangofc-font.h>

#include FT_FREETYPE_H
#include FT_TRUETYPE_TABLES_H

typedef struct
{
  hb_face_t         *face;       /* Pango's, the key */
  PangoFont         *font;       /* one of Pango's fonts of @face */
  cairo_scaled_font_t *scaled;   /* @font's, looked up on the drawing thread */
  hb_set_t          *glyphs;
  hb_set_t          *unicodes;
  cairo_font_face_t *subset;     /* NULL: draw this font as Pango does */
  hb_map_t          *map;        /* Pango's glyph → the subset's; NULL: the same */
  hb_font_t         *outlines;   /* SVG: @face in font units, its outlines read once */
  hb_map_t          *written;    /* SVG: glyph → 1 when its <symbol> is written, 0 when empty */
} Font;

struct _ScChartSubset
{
  GPtrArray *fonts;     /* Font* */
  GPtrArray *layouts;   /* PangoLayout* per text of the layout, NULL when not drawn */
};

/* --- a Pango renderer that either collects glyphs or draws them -------- */

/* By hand: PangoRenderer has no autoptr for G_DECLARE_FINAL_TYPE. */
typedef struct _ScSubsetRenderer ScSubsetRenderer;
typedef struct
{
  PangoRendererClass parent_class;
} ScSubsetRendererClass;

GType sc_subset_renderer_get_type (void);
#define SC_TYPE_SUBSET_RENDERER (sc_subset_renderer_get_type ())
#define SC_SUBSET_RENDERER(o) (G_TYPE_CHECK_INSTANCE_CAST ((o), SC_TYPE_SUBSET_RENDERER, ScSubsetRenderer))

struct _ScSubsetRenderer
{
  PangoRenderer  parent_instance;
  ScChartSubset *subset;
  cairo_t       *cr;       /* NULL: collect, or write @svg */
  double         x, y;     /* where the layout starts, in user space */
  double         scale;    /* with @svg: the text's size over the one it was laid out at */
  GString       *svg;      /* not NULL: write the glyphs there as <use> */
  GString       *defs;     /* with @svg: the outlines they use */
  const char    *fill;     /* with @svg: the text's colour */
  gboolean       failed;   /* with @svg: a glyph could not be written */
};

G_DEFINE_FINAL_TYPE (ScSubsetRenderer, sc_subset_renderer, PANGO_TYPE_RENDERER)

static void
font_free (Font *f)
{
  hb_face_destroy (f->face);
  g_object_unref (f->font);
  hb_set_destroy (f->glyphs);
  hb_set_destroy (f->unicodes);
  if (f->subset != NULL)
    cairo_font_face_destroy (f->subset);
  hb_map_destroy (f->map);
  hb_font_destroy (f->outlines);
  hb_map_destroy (f->written);
  g_free (f);
}

/* Fonts cairo draws with something besides the default outlines in the
 * file (synthetic bold or slant, a matrix, variations) keep Pango's path. */
static gboolean
font_is_plain (PangoFont *font,
               hb_font_t *hb)
{
  FcPattern *pattern;
  FcBool b = FcFalse;
  FcMatrix *matrix;
  FcChar8 *s;
  unsigned int n_coords = 0;

  if (!PANGO_IS_FC_FONT (font))
    return FALSE;
  hb_font_get_var_coords_normalized (hb, &n_coords);
  if (n_coords > 0)
    return FALSE;
  pattern = pango_fc_font_get_pattern (PANGO_FC_FONT (font));
  if (FcPatternGetBool (pattern, FC_EMBOLDEN, 0, &b) == FcResultMatch && b)
    return FALSE;
  if (FcPatternGetMatrix (pattern, FC_MATRIX, 0, &matrix) == FcResultMatch
      && !(matrix->xx == 1 && matrix->yy == 1 && matrix->xy == 0 && matrix->yx == 0))
    return FALSE;
  if (FcPatternGetString (pattern, FC_FONT_VARIATIONS, 0, &s) == FcResultMatch)
    return FALSE;
  return TRUE;
}

static Font *
font_for (ScChartSubset *subset,
          PangoFont     *font,
          gboolean       create)
{
  hb_font_t *hb = font != NULL ? pango_font_get_hb_font (font) : NULL;
  hb_face_t *face = hb != NULL ? hb_font_get_face (hb) : NULL;
  Font *f;

  /* Checked on every look-up: one face may serve a plain and a slanted font. */
  if (face == NULL || !font_is_plain (font, hb))
    return NULL;
  for (guint i = 0; i < subset->fonts->len; i++)
    {
      f = g_ptr_array_index (subset->fonts, i);
      if (f->face == face)
        return f;
    }
  if (!create)
    return NULL;
  f = g_new0 (Font, 1);
  f->face = hb_face_reference (face);
  f->font = g_object_ref (font);
  f->glyphs = hb_set_create ();
  f->unicodes = hb_set_create ();
  g_ptr_array_add (subset->fonts, f);
  return f;
}

static void
collect (ScSubsetRenderer *self,
         const char       *text,
         PangoGlyphItem   *item)
{
  Font *f = font_for (self->subset, item->item->analysis.font, TRUE);
  const char *p, *end;

  if (f == NULL)
    return;
  for (int i = 0; i < item->glyphs->num_glyphs; i++)
    {
      PangoGlyph g = item->glyphs->glyphs[i].glyph;

      if (g != PANGO_GLYPH_EMPTY && !(g & PANGO_GLYPH_UNKNOWN_FLAG))
        hb_set_add (f->glyphs, g);
    }
  end = text + item->item->offset + item->item->length;
  for (p = text + item->item->offset; p < end; p = g_utf8_next_char (p))
    hb_set_add (f->unicodes, g_utf8_get_char (p));
}

/* As pango_cairo_show_glyph_item() does, with the subset font. */
static gboolean
show (ScSubsetRenderer *self,
      Font             *f,
      PangoFont        *font,
      const char       *text,
      PangoGlyphItem   *item,
      double            x,
      double            y)
{
  PangoGlyphString *glyphs = item->glyphs;
  gboolean backwards = item->item->analysis.level & 1;
  cairo_scaled_font_t *scaled = pango_cairo_font_get_scaled_font (PANGO_CAIRO_FONT (font));
  g_autofree cairo_glyph_t *cg = g_new (cairo_glyph_t, MAX (glyphs->num_glyphs, 1));
  g_autofree cairo_text_cluster_t *clusters = g_new (cairo_text_cluster_t, MAX (glyphs->num_glyphs, 1));
  cairo_font_options_t *options;
  cairo_matrix_t matrix;
  PangoGlyphItemIter iter;
  int n = 0, n_clusters = 0, x_position = 0;

  if (scaled == NULL)
    return FALSE;
  for (int i = 0; i < glyphs->num_glyphs; i++)
    {
      PangoGlyphInfo *gi = &glyphs->glyphs[i];

      if (gi->glyph & PANGO_GLYPH_UNKNOWN_FLAG)
        return FALSE;   /* a hex box: Pango draws those */
      if (gi->glyph != PANGO_GLYPH_EMPTY)
        {
          cg[n].index = f->map != NULL ? hb_map_get (f->map, gi->glyph) : gi->glyph;
          if (cg[n].index == HB_MAP_VALUE_INVALID)
            return FALSE;
          cg[n].x = x + (double) (x_position + gi->geometry.x_offset) / PANGO_SCALE;
          cg[n].y = gi->geometry.y_offset == 0 ? y : y + (double) gi->geometry.y_offset / PANGO_SCALE;
          n++;
        }
      x_position += gi->geometry.width;
    }

  if (pango_glyph_item_iter_init_start (&iter, item, text))
    do
      {
        int n_glyphs = backwards ? iter.start_glyph - iter.end_glyph : iter.end_glyph - iter.start_glyph;

        for (int i = MIN (iter.start_glyph, iter.end_glyph + 1); i < MAX (iter.start_glyph + 1, iter.end_glyph); i++)
          if (glyphs->glyphs[i].glyph == PANGO_GLYPH_EMPTY)
            n_glyphs--;
        clusters[n_clusters].num_bytes = iter.end_index - iter.start_index;
        clusters[n_clusters].num_glyphs = n_glyphs;
        n_clusters++;
      }
    while (pango_glyph_item_iter_next_cluster (&iter));

  cairo_save (self->cr);
  cairo_set_font_face (self->cr, f->subset);
  cairo_scaled_font_get_font_matrix (scaled, &matrix);
  cairo_set_font_matrix (self->cr, &matrix);
  options = cairo_font_options_create ();
  cairo_scaled_font_get_font_options (scaled, options);
  cairo_set_font_options (self->cr, options);
  cairo_font_options_destroy (options);
  cairo_show_text_glyphs (self->cr, text + item->item->offset, item->item->length, cg, n, clusters, n_clusters,
                          backwards ? CAIRO_TEXT_CLUSTER_FLAG_BACKWARD : 0);
  cairo_restore (self->cr);
  return TRUE;
}

/* --- SVG: the glyphs' outlines written once, in font units -------------- */

/*
 * cairo's SVG surface writes each glyph's outline once per font size, at
 * that size, through printf of every coordinate (half of an SVG export's
 * time went there, and the subset fonts it needed for its character map
 * walks another quarter). Here each glyph of a face is written once, as a
 * <symbol> in the face's own units (whole numbers for most fonts), and
 * every text run is a group scaled to its size with a <use> per glyph at
 * Pango's positions: the same outlines (cairo reads them unhinted too), the
 * same places, fewer and shorter numbers.
 */

/* @v to hundredths, without printf: most font units are whole. */
static void
append_units (GString *out,
              double   v)
{
  gint64 h = (gint64) llround (v * 100);
  char buf[24];
  int i = sizeof buf;

  if (h < 0)
    {
      g_string_append_c (out, '-');
      h = -h;
    }
  if (h % 100 != 0)
    {
      int frac = (int) (h % 100);

      if (frac % 10 != 0)
        buf[--i] = (char) ('0' + frac % 10);
      buf[--i] = (char) ('0' + frac / 10);
      buf[--i] = '.';
    }
  h /= 100;
  do
    {
      buf[--i] = (char) ('0' + h % 10);
      h /= 10;
    }
  while (h > 0);
  g_string_append_len (out, buf + i, (gssize) (sizeof buf - i));
}

/* A point of an outline, y down as SVG has it. */
static void
append_point (GString *out,
              float    x,
              float    y)
{
  g_string_append_c (out, ' ');
  append_units (out, x);
  g_string_append_c (out, ' ');
  append_units (out, -y);
}

static void
path_move_to (hb_draw_funcs_t *dfuncs, void *data, hb_draw_state_t *st, float x, float y, void *user_data)
{
  g_string_append (data, " M");
  append_point (data, x, y);
}

static void
path_line_to (hb_draw_funcs_t *dfuncs, void *data, hb_draw_state_t *st, float x, float y, void *user_data)
{
  g_string_append (data, " L");
  append_point (data, x, y);
}

static void
path_quadratic_to (hb_draw_funcs_t *dfuncs, void *data, hb_draw_state_t *st, float cx, float cy,
                   float x, float y, void *user_data)
{
  g_string_append (data, " Q");
  append_point (data, cx, cy);
  append_point (data, x, y);
}

static void
path_cubic_to (hb_draw_funcs_t *dfuncs, void *data, hb_draw_state_t *st, float c1x, float c1y,
               float c2x, float c2y, float x, float y, void *user_data)
{
  g_string_append (data, " C");
  append_point (data, c1x, c1y);
  append_point (data, c2x, c2y);
  append_point (data, x, y);
}

static void
path_close (hb_draw_funcs_t *dfuncs, void *data, hb_draw_state_t *st, void *user_data)
{
  g_string_append (data, " Z");
}

static hb_draw_funcs_t *
path_funcs (void)
{
  static hb_draw_funcs_t *funcs;
  static gsize done;

  if (g_once_init_enter (&done))
    {
      funcs = hb_draw_funcs_create ();
      hb_draw_funcs_set_move_to_func (funcs, path_move_to, NULL, NULL);
      hb_draw_funcs_set_line_to_func (funcs, path_line_to, NULL, NULL);
      hb_draw_funcs_set_quadratic_to_func (funcs, path_quadratic_to, NULL, NULL);
      hb_draw_funcs_set_cubic_to_func (funcs, path_cubic_to, NULL, NULL);
      hb_draw_funcs_set_close_path_func (funcs, path_close, NULL, NULL);
      hb_draw_funcs_make_immutable (funcs);
      g_once_init_leave (&done, 1);
    }
  return funcs;
}

/* Writes glyph @g of @f to @defs unless done; FALSE when it has no outline. */
static gboolean
write_outline (Font       *f,
               guint       font_id,
               PangoGlyph  g,
               GString    *defs)
{
  gsize start;

  if (hb_map_has (f->written, g))
    return hb_map_get (f->written, g) != 0;
  start = defs->len;
  g_string_append_printf (defs, "<symbol overflow=\"visible\" id=\"glyph%u-%u\">\n<path d=\"", font_id, g);
  {
    gsize path_start = defs->len;

#if HB_VERSION_ATLEAST (7, 0, 0)
    hb_font_draw_glyph (f->outlines, g, path_funcs (), defs);
#else
    hb_font_get_glyph_shape (f->outlines, g, path_funcs (), defs);
#endif
    if (defs->len == path_start)
      {
        g_string_truncate (defs, start);
        hb_map_set (f->written, g, 0);
        return FALSE;
      }
  }
  g_string_append (defs, "\"/>\n</symbol>\n");
  hb_map_set (f->written, g, 1);
  return TRUE;
}

/* Glyph item @item as a group of <use>, its font's scale at the run's
 * origin; FALSE when it holds a glyph Pango draws itself (a hex box). */
static gboolean
write_glyph_item (ScSubsetRenderer *self,
                  PangoGlyphItem   *item,
                  double            x,
                  double            y)
{
  PangoFont *font = item->item->analysis.font;
  PangoGlyphString *glyphs = item->glyphs;
  Font *f = font_for (self->subset, font, TRUE);
  cairo_scaled_font_t *scaled;
  cairo_matrix_t m;
  char buf[6][G_ASCII_DTOSTR_BUF_SIZE];
  double upem, to_units;
  int x_position = 0;
  guint font_id;

  if (f == NULL)
    return FALSE;
  scaled = pango_cairo_font_get_scaled_font (PANGO_CAIRO_FONT (font));
  if (scaled == NULL)
    return FALSE;
  cairo_scaled_font_get_font_matrix (scaled, &m);
  if (m.xx <= 0 || m.yy <= 0 || m.xy != 0 || m.yx != 0 || m.x0 != 0 || m.y0 != 0)
    return FALSE;
  if (f->outlines == NULL)
    {
      f->outlines = hb_font_create (f->face);
      f->written = hb_map_create ();
    }
  for (font_id = 0; g_ptr_array_index (self->subset->fonts, font_id) != f; font_id++)
    ;
  upem = hb_face_get_upem (f->face);
  /* The group's units are the font's; a Pango unit is 1/1024 of a pixel
   * at the size laid out, which the group scales to the text's. */
  to_units = upem / m.xx / PANGO_SCALE;
  g_string_append_printf (self->svg, "<g fill=\"%s\" transform=\"matrix(%s 0 0 %s %s %s)\">\n", self->fill,
                          g_ascii_formatd (buf[0], sizeof buf[0], "%.9g", m.xx * self->scale / upem),
                          g_ascii_formatd (buf[1], sizeof buf[1], "%.9g", m.yy * self->scale / upem),
                          g_ascii_formatd (buf[2], sizeof buf[2], "%.9g", x),
                          g_ascii_formatd (buf[3], sizeof buf[3], "%.9g", y));
  for (int i = 0; i < glyphs->num_glyphs; i++)
    {
      PangoGlyphInfo *gi = &glyphs->glyphs[i];

      if (gi->glyph & PANGO_GLYPH_UNKNOWN_FLAG)
        return FALSE;
      if (gi->glyph != PANGO_GLYPH_EMPTY && write_outline (f, font_id, gi->glyph, self->defs))
        {
          g_string_append (self->svg, "<use xlink:href=\"#glyph");
          append_units (self->svg, font_id);
          g_string_append_c (self->svg, '-');
          append_units (self->svg, gi->glyph);
          g_string_append (self->svg, "\" x=\"");
          append_units (self->svg, (x_position + gi->geometry.x_offset) * to_units);
          if (gi->geometry.y_offset != 0)
            {
              g_string_append (self->svg, "\" y=\"");
              append_units (self->svg, gi->geometry.y_offset * upem / m.yy / PANGO_SCALE);
            }
          g_string_append (self->svg, "\"/>\n");
        }
      x_position += gi->geometry.width;
    }
  g_string_append (self->svg, "</g>\n");
  return TRUE;
}

static void
sc_subset_renderer_draw_glyph_item (PangoRenderer  *renderer,
                                    const char     *text,
                                    PangoGlyphItem *item,
                                    int             x,
                                    int             y)
{
  ScSubsetRenderer *self = SC_SUBSET_RENDERER (renderer);
  PangoFont *font = item->item->analysis.font;
  double ux = self->x + self->scale * x / PANGO_SCALE;
  double uy = self->y + self->scale * y / PANGO_SCALE;
  Font *f;

  if (self->svg != NULL)
    {
      if (!self->failed && !write_glyph_item (self, item, ux, uy))
        self->failed = TRUE;
      return;
    }
  if (self->cr == NULL)
    {
      collect (self, text, item);
      return;
    }
  f = font_for (self->subset, font, FALSE);
  if (f != NULL && f->subset != NULL && show (self, f, font, text, item, ux, uy))
    return;
  cairo_move_to (self->cr, ux, uy);
  pango_cairo_show_glyph_item (self->cr, text, item);
}

static void
sc_subset_renderer_draw_glyphs (PangoRenderer    *renderer,
                                PangoFont        *font,
                                PangoGlyphString *glyphs,
                                int               x,
                                int               y)
{
  ScSubsetRenderer *self = SC_SUBSET_RENDERER (renderer);

  /* Only reached for text without a glyph item (none in a chart). */
  if (self->svg != NULL)
    self->failed = TRUE;
  else if (self->cr != NULL)
    {
      cairo_move_to (self->cr, self->x + (double) x / PANGO_SCALE, self->y + (double) y / PANGO_SCALE);
      pango_cairo_show_glyph_string (self->cr, font, glyphs);
    }
}

static void
sc_subset_renderer_class_init (ScSubsetRendererClass *klass)
{
  PangoRendererClass *renderer_class = PANGO_RENDERER_CLASS (klass);

  renderer_class->draw_glyph_item = sc_subset_renderer_draw_glyph_item;
  renderer_class->draw_glyphs = sc_subset_renderer_draw_glyphs;
}

static void
sc_subset_renderer_init (ScSubsetRenderer *self)
{
  self->scale = 1;
}

static void
layout_unref (gpointer data)
{
  if (data != NULL)
    g_object_unref (data);
}

/* --- subsetting --------------------------------------------------------- */

static FT_Library
ft_library (void)
{
  static FT_Library library;
  static gsize done;

  if (g_once_init_enter (&done))
    {
      if (FT_Init_FreeType (&library) != 0)
        library = NULL;
      g_once_init_leave (&done, 1);
    }
  return library;
}

/* FT_New_Face and FT_Done_Face on one library must not run at once. */
static GMutex ft_lock;

typedef struct
{
  FT_Face    face;
  hb_blob_t *blob;    /* the bytes @face reads */
} FaceData;

static const cairo_user_data_key_t face_key;

static void
face_data_free (gpointer data)
{
  FaceData *d = data;

  g_mutex_lock (&ft_lock);
  FT_Done_Face (d->face);
  g_mutex_unlock (&ft_lock);
  hb_blob_destroy (d->blob);
  g_free (d);
}

/* A cairo face for @face, which it closes with the face. (transfer full, nullable) */
static cairo_font_face_t *
cairo_face_new (FT_Face    face,
                hb_blob_t *blob)
{
  cairo_font_face_t *cairo_face = cairo_ft_font_face_create_for_ft_face (face, FT_LOAD_NO_HINTING);
  FaceData *d = g_new (FaceData, 1);

  d->face = face;
  d->blob = blob;
  if (cairo_font_face_set_user_data (cairo_face, &face_key, d, face_data_free) != CAIRO_STATUS_SUCCESS)
    {
      cairo_font_face_destroy (cairo_face);
      face_data_free (d);
      return NULL;
    }
  return cairo_face;
}

/*
 * The face to subset @f from: the file as FreeType has it mapped for
 * cairo's font of @f, which is locked meanwhile (unlock with
 * cairo_ft_scaled_font_unlock_face() when @scaled is set). Measuring the
 * text has already read the glyphs' outlines there; Pango's HarfBuzz face
 * maps the same file a second time, and reading the glyphs again through
 * it doubled the pages of the 19 MB font a Chinese PDF keeps in memory.
 * (transfer full)
 */
static hb_face_t *
mapped_face (Font                 *f,
             cairo_scaled_font_t **scaled)
{
  cairo_scaled_font_t *sf = f->scaled;
  FT_Face face = sf != NULL && cairo_scaled_font_get_type (sf) == CAIRO_FONT_TYPE_FT
                 ? cairo_ft_scaled_font_lock_face (sf) : NULL;
  hb_blob_t *blob;
  hb_face_t *mapped;

  *scaled = NULL;
  if (face == NULL)
    return hb_face_reference (f->face);
  if (face->stream == NULL || face->stream->base == NULL || face->stream->size == 0
      || (unsigned int) (face->face_index & 0xFFFF) != hb_face_get_index (f->face))
    {
      cairo_ft_scaled_font_unlock_face (sf);
      return hb_face_reference (f->face);
    }
  *scaled = sf;
  blob = hb_blob_create ((const char *) face->stream->base, (unsigned int) face->stream->size,
                         HB_MEMORY_MODE_READONLY, NULL, NULL);
  mapped = hb_face_create (blob, hb_face_get_index (f->face));
  hb_blob_destroy (blob);
  return mapped;
}

/* How a subset finds its glyphs, cheapest first. */
typedef enum
{
  BY_CHARACTERS,    /* the characters' own glyphs */
  BY_SHAPING,       /* those and what the shaping features make of them */
  BY_GLYPHS,        /* the glyphs Pango shaped, named one by one */
} SubsetBy;

/*
 * Whether every glyph Pango shaped for @f is the plain glyph of one of its
 * characters: then the subset needs no glyph named. HarfBuzz (6.0) reads the
 * whole character map (44,810 entries in Noto Sans CJK) whenever a glyph is
 * named: 3 ms of a 3.5 ms plan; 0.1 ms without.
 */
static gboolean
glyphs_are_plain (Font      *f,
                  hb_face_t *source)
{
  hb_font_t *font = hb_font_create (source);
  hb_set_t *plain = hb_set_create ();
  hb_codepoint_t u = HB_SET_VALUE_INVALID, g;
  gboolean all;

  hb_set_add (plain, 0);
  while (hb_set_next (f->unicodes, &u))
    if (hb_font_get_nominal_glyph (font, u, &g))
      hb_set_add (plain, g);
  all = hb_set_is_subset (f->glyphs, plain);
  hb_set_destroy (plain);
  hb_font_destroy (font);
  return all;
}

/* The plan of @f's subset from @source, found @by. (transfer full, nullable) */
static hb_subset_plan_t *
subset_plan (Font      *f,
             hb_face_t *source,
             SubsetBy   by)
{
  /* Pango has shaped: layout tables would only cost time and bytes. GSUB
   * stays when the subset follows it (cairo embeds the outlines alone). */
  static const hb_tag_t drop[] = {
    HB_TAG ('G', 'P', 'O', 'S'), HB_TAG ('G', 'D', 'E', 'F'), HB_TAG ('B', 'A', 'S', 'E'),
    HB_TAG ('J', 'S', 'T', 'F'), HB_TAG ('M', 'A', 'T', 'H'), HB_TAG ('D', 'S', 'I', 'G'),
    HB_TAG ('V', 'O', 'R', 'G'), HB_TAG ('v', 'h', 'e', 'a'), HB_TAG ('v', 'm', 't', 'x'),
  };
  /* HarfBuzz's default features for horizontal text that replace glyphs:
   * Noto Sans CJK's "locl", for one, draws a digit of Latin text with
   * another glyph than a digit alone, and "liga" makes "fi" one. */
  static const char *const features[] = { "ccmp", "locl", "rlig", "calt", "clig", "liga", "rclt" };
  hb_subset_input_t *input = hb_subset_input_create_or_fail ();
  hb_subset_plan_t *plan;

  if (input == NULL)
    return NULL;
  hb_set_union (hb_subset_input_unicode_set (input), f->unicodes);
  if (by == BY_GLYPHS)
    hb_set_union (hb_subset_input_glyph_set (input), f->glyphs);
  for (guint i = 0; i < G_N_ELEMENTS (drop); i++)
    hb_set_add (hb_subset_input_set (input, HB_SUBSET_SETS_DROP_TABLE_TAG), drop[i]);
  if (by == BY_SHAPING)
    {
      hb_set_t *tags = hb_subset_input_set (input, HB_SUBSET_SETS_LAYOUT_FEATURE_TAG);

      hb_set_clear (tags);
      for (guint i = 0; i < G_N_ELEMENTS (features); i++)
        hb_set_add (tags, hb_tag_from_string (features[i], -1));
    }
  else
    hb_set_add (hb_subset_input_set (input, HB_SUBSET_SETS_DROP_TABLE_TAG), HB_TAG ('G', 'S', 'U', 'B'));
  /* Not HB_SUBSET_FLAGS_RETAIN_GIDS: keeping the numbers keeps 65,535
   * empty CFF glyphs, and doubled the time. Outlines without subroutines:
   * a tenth less time here and in cairo's own subsetting, and fewer bytes. */
  hb_subset_input_set_flags (input, HB_SUBSET_FLAGS_NO_HINTING | HB_SUBSET_FLAGS_NOTDEF_OUTLINE
                                    | HB_SUBSET_FLAGS_DESUBROUTINIZE);
  plan = hb_subset_plan_create_or_fail (source, input);
  hb_subset_input_destroy (input);
  return plan;
}

static gboolean
map_has_all (const hb_map_t *map,
             const hb_set_t *glyphs)
{
  hb_codepoint_t g = HB_SET_VALUE_INVALID;

  while (hb_set_next (glyphs, &g))
    if (!hb_map_has (map, g))
      return FALSE;
  return TRUE;
}

/* A cairo face of @f's glyphs alone; sets @f->map. (transfer full, nullable) */
static cairo_font_face_t *
subset_face (Font *f)
{
  cairo_scaled_font_t *locked = NULL;
  hb_face_t *source, *sub = NULL;
  hb_blob_t *blob;
  const char *data;
  unsigned int length;
  FT_Face face = NULL;
  FT_Library library = ft_library ();

  if (library == NULL)
    return NULL;
  source = mapped_face (f, &locked);
  for (SubsetBy by = glyphs_are_plain (f, source) ? BY_CHARACTERS : BY_SHAPING; by <= BY_GLYPHS && sub == NULL; by++)
    {
      hb_subset_plan_t *plan = subset_plan (f, source, by);
      const hb_map_t *map = plan != NULL ? hb_subset_plan_old_to_new_glyph_mapping (plan) : NULL;

      if (map != NULL && map_has_all (map, f->glyphs))
        {
          sub = hb_subset_plan_execute_or_fail (plan);
          if (sub != NULL)
            f->map = hb_map_copy (map);
          g_debug ("%u glyphs subset by %s", hb_set_get_population (f->glyphs),
                   by == BY_CHARACTERS ? "characters" : by == BY_SHAPING ? "shaping" : "glyph");
        }
      if (plan != NULL)
        hb_subset_plan_destroy (plan);
    }
  /* Nothing reads @source from here on: the subset is a blob of its own. */
  hb_face_destroy (source);
  if (locked != NULL)
    cairo_ft_scaled_font_unlock_face (locked);
  if (sub == NULL)
    return NULL;
  blob = hb_face_reference_blob (sub);
  hb_face_destroy (sub);
  data = hb_blob_get_data (blob, &length);

  g_mutex_lock (&ft_lock);
  if (length == 0 || FT_New_Memory_Face (library, (const FT_Byte *) data, length, 0, &face) != 0)
    face = NULL;
  g_mutex_unlock (&ft_lock);
  if (face == NULL)
    {
      hb_blob_destroy (blob);
      return NULL;
    }

  return cairo_face_new (face, blob);
}

static gpointer
subset_font (gpointer data)
{
  Font *f = data;

  f->subset = subset_face (f);
  return NULL;
}

/*
 * Each font's subset, the second and later ones on threads of their own:
 * a subset plan costs 3–5 ms whatever the number of glyphs, and a chart
 * has two fonts (regular and bold). Each thread reads its own font's file
 * with its cairo font locked; they share nothing else.
 */
static void
subset_fonts (GPtrArray *fonts)
{
  GThread *threads[8] = { NULL };

  /* Pango's objects are the drawing thread's: ask them here, not there. */
  for (guint i = 0; i < fonts->len; i++)
    {
      Font *f = g_ptr_array_index (fonts, i);

      f->scaled = pango_cairo_font_get_scaled_font (PANGO_CAIRO_FONT (f->font));
    }
  for (guint i = 1; i < fonts->len && i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_try_new ("shangce-subset", subset_font, g_ptr_array_index (fonts, i), NULL);
  for (guint i = 0; i < fonts->len; i++)
    if (i >= G_N_ELEMENTS (threads) || threads[i] == NULL)
      subset_font (g_ptr_array_index (fonts, i));
  for (guint i = 1; i < fonts->len && i < G_N_ELEMENTS (threads); i++)
    if (threads[i] != NULL)
      g_thread_join (threads[i]);
}

ScChartSubset *
sc_chart_subset_new (const ScChartModel  *model,
                     const ScChartLayout *layout)
{
  ScChartSubset *subset = g_new0 (ScChartSubset, 1);
  PangoContext *context = sc_chart_text_context_new (pango_cairo_font_map_get_default (), model->lang);
  ScSubsetRenderer *collector = g_object_new (SC_TYPE_SUBSET_RENDERER, NULL);

  subset->fonts = g_ptr_array_new_with_free_func ((GDestroyNotify) font_free);
  subset->layouts = g_ptr_array_new_full (layout->texts->len, layout_unref);
  collector->subset = subset;
  for (guint i = 0; i < layout->texts->len; i++)
    {
      const ScChartText *t = g_ptr_array_index (layout->texts, i);
      PangoLayout *pl, *fresh;

      if (!t->visible)
        {
          g_ptr_array_add (subset->layouts, NULL);
          continue;
        }
      fresh = pango_layout_new (context);
      pl = g_object_ref (sc_chart_text_layout (t, fresh));
      g_object_unref (fresh);
      pango_renderer_draw_layout (PANGO_RENDERER (collector), pl, 0, 0);
      g_ptr_array_add (subset->layouts, pl);
    }
  subset_fonts (subset->fonts);
  g_object_unref (collector);
  g_object_unref (context);
  return subset;
}

void
sc_chart_subset_free (ScChartSubset *subset)
{
  if (subset == NULL)
    return;
  g_ptr_array_unref (subset->fonts);
  g_ptr_array_unref (subset->layouts);
  g_free (subset);
}

gboolean
sc_chart_subset_show_text (ScChartSubset *subset,
                           cairo_t       *cr,
                           guint          index,
                           double         x,
                           double         y)
{
  PangoLayout *pl;
  ScSubsetRenderer *renderer;

  if (subset == NULL || index >= subset->layouts->len)
    return FALSE;
  pl = g_ptr_array_index (subset->layouts, index);
  if (pl == NULL)
    return FALSE;
  renderer = g_object_new (SC_TYPE_SUBSET_RENDERER, NULL);
  renderer->subset = subset;
  renderer->cr = cr;
  /* Through cairo's current point, as pango_cairo_show_layout() takes it:
   * rounded to cairo's fixed point, so the glyphs land where they did. */
  cairo_move_to (cr, x, y);
  cairo_get_current_point (cr, &renderer->x, &renderer->y);
  pango_renderer_draw_layout (PANGO_RENDERER (renderer), pl, 0, 0);
  g_object_unref (renderer);
  return TRUE;
}

char *
sc_chart_svg_glyphs (const ScChartModel  *model,
                     const ScChartLayout *layout)
{
  ScChartSubset subset = { .fonts = g_ptr_array_new_with_free_func ((GDestroyNotify) font_free) };
  PangoContext *context = sc_chart_text_context_new (pango_cairo_font_map_get_default (), model->lang);
  PangoLayout *pl = pango_layout_new (context);
  ScSubsetRenderer *writer = g_object_new (SC_TYPE_SUBSET_RENDERER, NULL);
  GString *svg = g_string_sized_new (32 * 1024);
  GString *defs = g_string_sized_new (64 * 1024);
  gboolean failed;

  writer->subset = &subset;
  writer->svg = svg;
  writer->defs = defs;
  g_string_append (defs, "<defs>\n");
  for (guint i = 0; i < layout->texts->len && !writer->failed; i++)
    {
      const ScChartText *t = g_ptr_array_index (layout->texts, i);
      char fill[8];

      if (!t->visible)
        continue;
      sc_chart_text_fill (layout, t, fill);
      writer->fill = fill;
      /* Where cairo's current point would put it (24.8 fixed point), as
       * sc_chart_subset_show_text() draws it. */
      writer->x = nearbyint ((t->rect.x - t->offset_x) * 256) / 256;
      writer->y = nearbyint ((t->rect.y - t->offset_y) * 256) / 256;
      writer->scale = sc_chart_text_scale (t);
      pango_renderer_draw_layout (PANGO_RENDERER (writer), sc_chart_text_layout (t, pl), 0, 0);
    }
  failed = writer->failed;
  g_object_unref (writer);
  g_object_unref (pl);
  g_object_unref (context);
  g_ptr_array_unref (subset.fonts);
  if (failed)
    {
      g_string_free (svg, TRUE);
      g_string_free (defs, TRUE);
      return NULL;
    }
  g_string_append (defs, "</defs>\n");
  g_string_append_len (defs, svg->str, (gssize) svg->len);
  g_string_free (svg, TRUE);
  return g_string_free (defs, FALSE);
}
