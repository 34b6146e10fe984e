/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-core"

#include "config.h"

#include "sc-program-cache.h"

#include <string.h>

#include "sc-program-private.h"

/*
 * One function per struct walks every field, both ways: writing appends
 * the field to a byte array, reading takes it back (bounds-checked; a short
 * or inconsistent form fails the whole read, and the caller uses the real
 * reader). Writing and reading cannot drift apart, as one code does both.
 *
 * A field added to a struct of sc-program.h changes its size and stops the
 * build here: add it to the struct's function below, then the size.
 */
#if GLIB_SIZEOF_VOID_P == 8
G_STATIC_ASSERT (sizeof (ScNumber) == 64);
G_STATIC_ASSERT (sizeof (ScText) == 16);
G_STATIC_ASSERT (sizeof (ScWindow) == 8);
G_STATIC_ASSERT (sizeof (ScSource) == 64);
G_STATIC_ASSERT (sizeof (ScCond) == 128);
G_STATIC_ASSERT (sizeof (ScTier) == 136);
G_STATIC_ASSERT (sizeof (ScEffect) == 816);
G_STATIC_ASSERT (sizeof (ScMeasure) == 184);
G_STATIC_ASSERT (sizeof (ScStackGroup) == 16);
G_STATIC_ASSERT (sizeof (ScFigure) == 32);
G_STATIC_ASSERT (sizeof (ScHeadline) == 56);
G_STATIC_ASSERT (sizeof (ScProgram) == 192);
G_STATIC_ASSERT (sizeof (ScBaselineItem) == 88);
G_STATIC_ASSERT (sizeof (ScBaseline) == 56);
G_STATIC_ASSERT (sizeof (ScExampleSetting) == 16);
G_STATIC_ASSERT (sizeof (ScExampleExpect) == 56);
G_STATIC_ASSERT (sizeof (ScExample) == 64);
G_STATIC_ASSERT (sizeof (ScProgramFile) == 56);
#endif

#define MAX_COND_DEPTH 64

/* A struct being walked, with the bytes of it the walk has passed. */
typedef struct
{
  const guint8 *base;
  gsize         size;
  const char   *name;
  guint8       *walked;
} Shadow;

typedef struct
{
  gboolean       writing;
  gboolean       dump;      /* writing: also the path, origins and resolved sources */
  GByteArray    *out;       /* writing */
  const guint8  *at, *end;  /* reading */
  gboolean       failed;    /* reading: the form is short or inconsistent */
  const ScProgramFile *file;
  const char    *path;      /* reading: the path of the file rebuilt */
  GArray        *shadows;   /* dump, checking the walk: Shadow, innermost last */
  GString       *unwalked;  /* dump, checking the walk: what it passed by */
} Io;

/* Marks the bytes [@at, @at + @n) as walked in every struct around them. */
static void
io_mark (Io            *io,
         gconstpointer  at,
         gsize          n)
{
  const guint8 *p = at;

  if (io->shadows == NULL)
    return;
  for (guint i = 0; i < io->shadows->len; i++)
    {
      Shadow *s = &g_array_index (io->shadows, Shadow, i);

      if (p >= s->base && p + n <= s->base + s->size)
        memset (s->walked + (p - s->base), 1, n);
    }
}

static void
io_enter (Io            *io,
          gconstpointer  base,
          gsize          size,
          const char    *name)
{
  Shadow s = { base, size, name, NULL };

  if (io->shadows == NULL)
    return;
  s.walked = g_malloc0 (size);
  g_array_append_val (io->shadows, s);
}

/* Leaves the innermost struct: a byte the walk passed by that is not zero
 * is a field the walk does not know (a zero one may be padding). */
static void
io_leave (Io *io)
{
  Shadow *s;

  if (io->shadows == NULL)
    return;
  s = &g_array_index (io->shadows, Shadow, io->shadows->len - 1);
  for (gsize i = 0; i < s->size; i++)
    if (!s->walked[i] && s->base[i] != 0)
      {
        g_autofree char *where = g_strdup_printf ("%s+%" G_GSIZE_FORMAT "\n", s->name, i);

        if (strstr (io->unwalked->str, where) == NULL)
          g_string_append (io->unwalked, where);
        break;
      }
  g_free (s->walked);
  g_array_set_size (io->shadows, io->shadows->len - 1);
}

static void
io_bytes (Io    *io,
          void  *value,
          gsize  n)
{
  io_mark (io, value, n);
  if (io->writing)
    g_byte_array_append (io->out, value, (guint) n);
  else if (io->failed || (gsize) (io->end - io->at) < n)
    {
      io->failed = TRUE;
      memset (value, 0, n);
    }
  else
    {
      memcpy (value, io->at, n);
      io->at += n;
    }
}

static void
io_u32 (Io      *io,
        guint32 *value)
{
  io_bytes (io, value, sizeof *value);
}

static void
io_uint (Io    *io,
         guint *value)
{
  io_bytes (io, value, sizeof *value);
}

static void
io_bool (Io       *io,
         gboolean *value)
{
  io_bytes (io, value, sizeof *value);
}

static void
io_double (Io     *io,
           double *value)
{
  io_bytes (io, value, sizeof *value);
}

/* Any enum, as 32 bits. */
#define io_enum(io, field) \
  G_STMT_START { guint32 v_ = (guint32) *(field); io_mark ((io), (field), sizeof *(field)); \
                 io_u32 ((io), &v_); *(field) = v_; } G_STMT_END

/* A count of items about to be read: each takes at least one byte, so more
 * than the bytes left is a broken form. */
static void
io_count (Io      *io,
          guint32 *n)
{
  io_u32 (io, n);
  if (!io->writing && *n > (gsize) (io->end - io->at))
    {
      io->failed = TRUE;
      *n = 0;
    }
}

/* A string or NULL: its length + 1, 0 for NULL, then its bytes. */
static void
io_str (Io    *io,
        char **value)
{
  guint32 n = io->writing && *value != NULL ? (guint32) strlen (*value) + 1 : 0;

  io_mark (io, value, sizeof *value);
  io_u32 (io, &n);
  if (io->writing)
    {
      if (n > 0)
        g_byte_array_append (io->out, (const guint8 *) *value, n - 1);
      return;
    }
  *value = NULL;
  if (n == 0 || io->failed)
    return;
  if ((gsize) (io->end - io->at) < n - 1 || memchr (io->at, '\0', n - 1) != NULL)
    {
      io->failed = TRUE;
      return;
    }
  *value = g_strndup ((const char *) io->at, n - 1);
  io->at += n - 1;
}

static void
io_strv (Io     *io,
         char ***value)
{
  guint32 n = io->writing && *value != NULL ? g_strv_length (*value) + 1 : 0;

  io_mark (io, value, sizeof *value);
  io_count (io, &n);
  if (!io->writing)
    *value = n > 0 ? g_new0 (char *, n) : NULL;
  for (guint32 i = 0; i + 1 < n && !io->failed; i++)
    {
      io_str (io, &(*value)[i]);
      /* A NULL inside would end the vector early and leak what follows. */
      if (!io->writing && (*value)[i] == NULL)
        io->failed = TRUE;
    }
}

static void
io_text (Io     *io,
         ScText *text)
{
  io_str (io, &text->zh);
  io_str (io, &text->en);
}

static void
io_window (Io       *io,
           ScWindow *window)
{
  io_u32 (io, &window->start);
  io_u32 (io, &window->end);
}

static void
io_number (Io       *io,
           ScNumber *number)
{
  io_double (io, &number->value);
  io_enum (io, &number->basis);
  io_bool (io, &number->set);
  io_text (io, &number->note);
  io_str (io, &number->source_id);
  io_uint (io, &number->line);
  io_bool (io, &number->has_range);
  io_double (io, &number->low);
  io_double (io, &number->high);
}

/* The file path of a program, baseline or example: never stored, it is
 * the path the file is read from. */
static void
io_origin (Io    *io,
           char **origin)
{
  io_mark (io, origin, sizeof *origin);
  if (!io->writing)
    *origin = g_strdup (io->path);
  else if (io->dump)
    io_str (io, origin);
}

/* The <source> a citation resolved to: looked up again from its id, as
 * the reader does; a dump names its place among the file's sources. */
static void
io_source_ref (Io              *io,
               const ScSource **source,
               const char      *id)
{
  io_mark (io, source, sizeof *source);
  if (!io->writing)
    *source = sc_program_file_find_source (io->file, id);
  else if (io->dump)
    {
      guint index = G_MAXUINT;

      g_ptr_array_find (io->file->sources, *source, &index);
      io_uint (io, &index);
    }
}

/* Whether an array the constructor makes (or not) is there: the form must
 * agree with the constructor, or the read fails. */
static gboolean
io_present (Io       *io,
            gpointer  array)
{
  gboolean present = array != NULL;

  io_bool (io, &present);
  if (!io->writing && present != (array != NULL))
    io->failed = TRUE;
  return array != NULL && !io->failed;
}

/* The items of @array, each made by @make when reading. */
static void
io_items (Io         *io,
          GPtrArray **slot,
          gpointer  (*make) (void),
          void      (*item) (Io *, gpointer))
{
  GPtrArray *array = *slot;
  guint32 n = array != NULL ? array->len : 0;

  io_mark (io, slot, sizeof *slot);
  if (!io_present (io, array))
    return;
  io_count (io, &n);
  for (guint32 i = 0; i < n && !io->failed; i++)
    {
      gpointer x;

      if (io->writing)
        x = g_ptr_array_index (array, i);
      else
        g_ptr_array_add (array, x = make ());
      item (io, x);
    }
}

/* The elements of a GArray of @size bytes each, by @element. */
static void
io_elements (Io      *io,
             GArray **slot,
             void   (*element) (Io *, gpointer))
{
  GArray *array = *slot;
  guint32 n = array != NULL ? array->len : 0;

  io_mark (io, slot, sizeof *slot);
  if (!io_present (io, array))
    return;
  io_count (io, &n);
  if (!io->writing)
    g_array_set_size (array, n);
  for (guint32 i = 0; i < n && !io->failed; i++)
    element (io, array->data + (gsize) i * g_array_get_element_size (array));
}

/* --- the structs, field by field, in declaration order ------------------ */

static void
io_source (Io       *io,
           gpointer  data)
{
  ScSource *source = data;

  io_enter (io, source, sizeof *source, "ScSource");
  io_str (io, &source->id);
  io_str (io, &source->file);
  io_text (io, &source->title);
  io_str (io, &source->publisher);
  io_u32 (io, &source->published);
  io_str (io, &source->url);
  io_uint (io, &source->line);
  io_leave (io);
}

static void
io_cond (Io      *io,
         ScCond **cond,
         guint    depth)
{
  guint32 kind = *cond != NULL ? (*cond)->kind + 1 : 0;   /* 0: none */
  ScCond *c;

  io_mark (io, cond, sizeof *cond);
  io_u32 (io, &kind);
  if (kind == 0 || io->failed)
    return;
  if (!io->writing)
    {
      if (kind > SC_COND_DATE_IN + 1 || depth > MAX_COND_DEPTH)
        {
          io->failed = TRUE;
          return;
        }
      *cond = sc_cond_new_empty ((ScCondKind) (kind - 1));
    }
  c = *cond;
  io_enter (io, c, sizeof *c, "ScCond");
  io_mark (io, &c->kind, sizeof c->kind);
  io_mark (io, &c->children, sizeof c->children);
  io_enum (io, &c->field);
  io_enum (io, &c->op);
  io_number (io, &c->number);
  io_strv (io, &c->values);
  io_window (io, &c->window);
  io_text (io, &c->label);
  if (io_present (io, c->children))
    {
      guint32 n = c->children->len;

      io_count (io, &n);
      for (guint32 i = 0; i < n && !io->failed; i++)
        {
          ScCond *child = io->writing ? g_ptr_array_index (c->children, i) : NULL;

          io_cond (io, &child, depth + 1);
          if (!io->writing && child == NULL)
            io->failed = TRUE;
          else if (!io->writing)
            g_ptr_array_add (c->children, child);
        }
    }
  io_uint (io, &c->line);
  io_leave (io);
}

static void
io_guint (Io       *io,
          gpointer  data)
{
  io_uint (io, data);
}

static void
io_tier (Io       *io,
         gpointer  data)
{
  ScTier *tier = data;

  io_enter (io, tier, sizeof *tier, "ScTier");
  io_number (io, &tier->threshold);
  io_number (io, &tier->reward);
  io_uint (io, &tier->line);
  io_leave (io);
}

static gpointer
new_tier (void)
{
  return sc_tier_new_empty ();
}

/* Every field but the kind, which made the effect. */
static void
io_effect (Io       *io,
           ScEffect *effect)
{
  io_enter (io, effect, sizeof *effect, "ScEffect");
  io_mark (io, &effect->kind, sizeof effect->kind);   /* io_measure() wrote it */
  io_enum (io, &effect->benefit);
  io_bool (io, &effect->up_to);
  io_enum (io, &effect->anchor);
  io_enum (io, &effect->anchor_field);
  io_enum (io, &effect->anchor_fallback);
  io_number (io, &effect->amount);
  io_str (io, &effect->unit);
  io_number (io, &effect->exposures_per_unit);
  io_elements (io, &effect->checkpoints, io_guint);
  io_items (io, &effect->tiers, new_tier, io_tier);
  io_number (io, &effect->max_total);
  io_enum (io, &effect->rank_field);
  io_enum (io, &effect->fee);
  io_number (io, &effect->max_orders);
  io_number (io, &effect->days);
  io_number (io, &effect->discount_after);
  io_number (io, &effect->discount_days);
  io_number (io, &effect->rate);
  io_enum (io, &effect->share_field);
  io_enum (io, &effect->share_within);
  io_strv (io, &effect->categories);
  io_str (io, &effect->scene);
  io_number (io, &effect->share);
  io_number (io, &effect->deposit);
  io_number (io, &effect->settlement_days);
  io_text (io, &effect->text);
  io_str (io, &effect->replaces);
  io_uint (io, &effect->line);
  io_leave (io);
}

static void
io_measure (Io       *io,
            gpointer  data)
{
  ScMeasure *measure = data;
  guint32 n = measure->effects->len;

  io_enter (io, measure, sizeof *measure, "ScMeasure");
  io_mark (io, &measure->effects, sizeof measure->effects);
  io_str (io, &measure->id);
  io_text (io, &measure->title);
  io_text (io, &measure->summary);
  io_str (io, &measure->quote);
  io_str (io, &measure->source_id);
  io_source_ref (io, &measure->source, measure->source_id);
  io_enum (io, &measure->status);
  io_bool (io, &measure->has_status);
  io_bool (io, &measure->has_window);
  io_window (io, &measure->window);
  io_number (io, &measure->window_end);
  io_str (io, &measure->group);
  io_cond (io, &measure->eligibility, 0);

  /* Effects: the kind first, which makes one. */
  io_count (io, &n);
  for (guint32 i = 0; i < n && !io->failed; i++)
    {
      ScEffect *effect = io->writing ? g_ptr_array_index (measure->effects, i) : NULL;
      guint32 kind = effect != NULL ? effect->kind : 0;

      io_u32 (io, &kind);
      if (!io->writing)
        {
          if (io->failed || kind > SC_EFFECT_RULE_OUTCOME)
            {
              io->failed = TRUE;
              break;
            }
          g_ptr_array_add (measure->effects, effect = sc_effect_new_empty ((ScEffectKind) kind));
        }
      io_effect (io, effect);
    }
  io_uint (io, &measure->line);
  io_leave (io);
}

static gpointer
new_measure (void)
{
  return sc_measure_new_empty ();
}

static void
io_group (Io       *io,
          gpointer  data)
{
  ScStackGroup *group = data;

  io_enter (io, group, sizeof *group, "ScStackGroup");
  io_str (io, &group->id);
  io_enum (io, &group->mode);
  io_uint (io, &group->line);
  io_leave (io);
}

static gpointer
new_group (void)
{
  return sc_stack_group_new_empty ();
}

static void
io_figure (Io       *io,
           gpointer  data)
{
  ScFigure *figure = data;

  io_enter (io, figure, sizeof *figure, "ScFigure");
  /* The padding after the line: copied from the stack into the array. */
  io_mark (io, &figure->line + 1, sizeof *figure - G_STRUCT_OFFSET (ScFigure, line) - sizeof figure->line);
  io_double (io, &figure->value);
  io_str (io, &figure->unit);
  io_str (io, &figure->per);
  io_uint (io, &figure->line);
  io_leave (io);
}

static void
io_headline (Io       *io,
             gpointer  data)
{
  ScHeadline *headline = data;

  io_enter (io, headline, sizeof *headline, "ScHeadline");
  io_text (io, &headline->text);
  io_str (io, &headline->quote);
  io_str (io, &headline->source_id);
  io_source_ref (io, &headline->source, headline->source_id);
  io_elements (io, &headline->figures, io_figure);
  io_uint (io, &headline->line);
  io_leave (io);
}

static gpointer
new_headline (void)
{
  return sc_headline_new_empty ();
}

static void
io_program (Io       *io,
            gpointer  data)
{
  ScProgram *program = data;

  io_enter (io, program, sizeof *program, "ScProgram");
  io_str (io, &program->id);
  io_uint (io, &program->revision);
  io_str (io, &program->platform);
  io_text (io, &program->name);
  io_text (io, &program->summary);
  io_enum (io, &program->status);
  io_window (io, &program->window);
  io_number (io, &program->window_end);
  io_str (io, &program->replaces);
  io_strv (io, &program->source_ids);
  io_items (io, &program->headlines, new_headline, io_headline);
  io_items (io, &program->groups, new_group, io_group);
  io_items (io, &program->measures, new_measure, io_measure);
  io_origin (io, &program->origin);
  io_uint (io, &program->line);
  io_leave (io);
}

static gpointer
new_program (void)
{
  return sc_program_new_empty ();
}

static void
io_baseline_item (Io       *io,
                  gpointer  data)
{
  ScBaselineItem *item = data;

  io_enter (io, item, sizeof *item, "ScBaselineItem");
  io_enum (io, &item->fee);
  io_str (io, &item->category);
  io_number (io, &item->value);
  io_uint (io, &item->line);
  io_leave (io);
}

static gpointer
new_baseline_item (void)
{
  return sc_baseline_item_new_empty ();
}

static void
io_baseline (Io       *io,
             gpointer  data)
{
  ScBaseline *baseline = data;

  io_enter (io, baseline, sizeof *baseline, "ScBaseline");
  io_str (io, &baseline->platform);
  io_text (io, &baseline->name);
  io_uint (io, &baseline->revision);
  io_items (io, &baseline->items, new_baseline_item, io_baseline_item);
  io_origin (io, &baseline->origin);
  io_uint (io, &baseline->line);
  io_leave (io);
}

static gpointer
new_baseline (void)
{
  return sc_baseline_new_empty ();
}

static void
io_setting (Io       *io,
            gpointer  data)
{
  ScExampleSetting *setting = data;

  io_enter (io, setting, sizeof *setting, "ScExampleSetting");
  /* The padding between the field and the value, copied from the stack. */
  io_mark (io, &setting->field + 1, G_STRUCT_OFFSET (ScExampleSetting, value) - sizeof setting->field);
  io_enum (io, &setting->field);
  io_str (io, &setting->value);
  io_leave (io);
}

static void
io_expect (Io       *io,
           gpointer  data)
{
  ScExampleExpect *expect = data;

  io_enter (io, expect, sizeof *expect, "ScExampleExpect");
  io_str (io, &expect->program_id);
  io_str (io, &expect->measure_id);
  io_str (io, &expect->what);
  io_str (io, &expect->status);
  io_double (io, &expect->value);
  io_double (io, &expect->tolerance);
  io_uint (io, &expect->line);
  io_leave (io);
}

static gpointer
new_expect (void)
{
  return sc_example_expect_new_empty ();
}

static void
io_example (Io       *io,
            gpointer  data)
{
  ScExample *example = data;

  io_enter (io, example, sizeof *example, "ScExample");
  io_str (io, &example->id);
  io_text (io, &example->title);
  io_u32 (io, &example->as_of);
  io_uint (io, &example->horizon_months);
  io_elements (io, &example->settings, io_setting);
  io_items (io, &example->expects, new_expect, io_expect);
  io_origin (io, &example->origin);
  io_uint (io, &example->line);
  io_leave (io);
}

static gpointer
new_example (void)
{
  return sc_example_new_empty ();
}

/* The file: sources first, as the reader reads them, so citations resolve. */
static void
io_file (Io            *io,
         ScProgramFile *file)
{
  guint32 n = file->sources->len;

  io_enter (io, file, sizeof *file, "ScProgramFile");
  io_mark (io, &file->sources, sizeof file->sources);
  io_mark (io, &file->source_ids, sizeof file->source_ids);   /* made again from the sources */
  if (io->dump)
    io_str (io, &file->path);
  io_str (io, &file->license);
  io_count (io, &n);
  for (guint32 i = 0; i < n && !io->failed; i++)
    {
      ScSource *source = io->writing ? g_ptr_array_index (file->sources, i) : sc_source_new_empty ();

      io_source (io, source);
      if (!io->writing)
        sc_program_file_add_source (file, source);
    }
  io_items (io, &file->programs, new_program, io_program);
  io_items (io, &file->baselines, new_baseline, io_baseline);
  io_items (io, &file->examples, new_example, io_example);
  io_leave (io);
}

static GBytes *
write_file (const ScProgramFile *file,
            gboolean             dump)
{
  Io io = { .writing = TRUE, .dump = dump, .out = g_byte_array_new (), .file = file };

  io_file (&io, (ScProgramFile *) file);
  return g_byte_array_free_to_bytes (io.out);
}

GBytes *
sc_program_cache_serialize (const ScProgramFile *file)
{
  g_return_val_if_fail (file != NULL, NULL);
  return write_file (file, FALSE);
}

GBytes *
sc_program_cache_dump (const ScProgramFile *file)
{
  g_return_val_if_fail (file != NULL, NULL);
  return write_file (file, TRUE);
}

char *
sc_program_cache_unwalked (const ScProgramFile *file)
{
  Io io = { .writing = TRUE, .dump = TRUE, .out = g_byte_array_new (), .file = file,
            .shadows = g_array_new (FALSE, FALSE, sizeof (Shadow)), .unwalked = g_string_new (NULL) };

  g_return_val_if_fail (file != NULL, NULL);

  io_file (&io, (ScProgramFile *) file);
  g_byte_array_unref (io.out);
  g_array_unref (io.shadows);
  if (io.unwalked->len == 0)
    {
      g_string_free (io.unwalked, TRUE);
      return NULL;
    }
  return g_string_free (io.unwalked, FALSE);
}

ScProgramFile *
sc_program_cache_deserialize (const guint8 *data,
                              gsize         length,
                              const char   *path)
{
  g_autoptr(ScProgramFile) file = NULL;
  Io io = { .at = data, .end = data + length, .path = path };

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (path != NULL, NULL);

  io.file = file = sc_program_file_new_empty (path);
  io_file (&io, file);
  if (io.failed || io.at != io.end)
    return NULL;
  return g_steal_pointer (&file);
}

/* Reads a 32-bit number of the blob at *@at, moving past it. */
static gboolean
blob_u32 (gsize   *at,
          guint32 *value)
{
  if (sc_program_cache_blob_size - *at < sizeof *value)
    return FALSE;
  memcpy (value, sc_program_cache_blob + *at, sizeof *value);
  *at += sizeof *value;
  return TRUE;
}

ScProgramFile *
sc_program_cache_lookup (const char *data,
                         gsize       length,
                         const char *path)
{
  const char *off = g_getenv ("SHANGCE_NO_PROGRAM_CACHE");
  gsize at = strlen (SC_PROGRAM_CACHE_MAGIC);
  guint32 version, count;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (path != NULL, NULL);

  if ((off != NULL && *off != '\0') || sc_program_cache_blob_size < at
      || memcmp (sc_program_cache_blob, SC_PROGRAM_CACHE_MAGIC, at) != 0
      || !blob_u32 (&at, &version) || version != SC_PROGRAM_CACHE_VERSION
      || !blob_u32 (&at, &count))
    return NULL;
  for (guint32 i = 0; i < count; i++)
    {
      guint32 xml_length, form_length;

      if (!blob_u32 (&at, &xml_length) || !blob_u32 (&at, &form_length)
          || sc_program_cache_blob_size - at < (gsize) xml_length + form_length)
        return NULL;
      if (xml_length == length && memcmp (sc_program_cache_blob + at, data, length) == 0)
        return sc_program_cache_deserialize (sc_program_cache_blob + at + xml_length, form_length, path);
      at += (gsize) xml_length + form_length;
    }
  return NULL;
}
