/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-core"

#include "config.h"

/* Three-valued conditions: 1 holds, 0 does not, -1 unknown (a field is
 * unset), with the reasons that decided. */

#include "sc-condition.h"

#include "sc-engine-private.h"

#include <math.h>
#include <string.h>

static const char *
cond_label (const ScCond *cond,
            const char   *lang)
{
  if (cond->label.zh == NULL && cond->label.en == NULL)
    return NULL;
  return sc_text_get (&cond->label, lang);
}

static const char *
op_symbol (ScOp op)
{
  switch (op)
    {
    case SC_OP_EQ: return "=";
    case SC_OP_NE: return "≠";
    case SC_OP_LT: return "<";
    case SC_OP_LE: return "≤";
    case SC_OP_GT: return ">";
    case SC_OP_GE: return "≥";
    default: return "?";
    }
}

static void
reason_unknown (const ScCond *cond,
                const char   *lang,
                GPtrArray    *reasons)
{
  if (reasons == NULL)
    return;
  g_ptr_array_add (reasons, sc_format_strdup_printf (_("Needs information: %s"), sc_format_field_label (cond->field)));
}

int
sc_condition_eval (const ScCond    *cond,
                   const ScProfile *profile,
                   const char      *lang,
                   GPtrArray       *reasons)
{
  const ScProfileValue *v;
  const char *label;

  switch (cond->kind)
    {
    case SC_COND_ALL:
    case SC_COND_ANY:
      {
        gboolean all = cond->kind == SC_COND_ALL;
        gboolean any_unknown = FALSE, decided = FALSE;
        guint n_children = cond->children != NULL ? cond->children->len : 0;
        guint base = reasons != NULL ? reasons->len : 0;
        /* Each child appends its reasons to @reasons; what kind of answer it
         * gave is kept per child, and only the reasons of the children that
         * decide stay (the false ones for all, the true ones for any; else
         * the unknown ones, else the rest), in order: no copies. */
        enum { DECISIVE, UNKNOWN, OTHER };
        int kind_buf[32], keep;
        guint end_buf[32];
        g_autofree int *kind_heap = NULL;
        g_autofree guint *end_heap = NULL;
        int *kind = kind_buf;
        guint *end = end_buf;

        if (reasons != NULL && n_children > G_N_ELEMENTS (end_buf))
          {
            kind = kind_heap = g_new (int, n_children);
            end = end_heap = g_new (guint, n_children);
          }
        for (guint i = 0; i < n_children; i++)
          {
            int r = sc_condition_eval (g_ptr_array_index (cond->children, i), profile, lang, reasons);
            int k;

            if (r < 0)
              {
                any_unknown = TRUE;
                k = UNKNOWN;
              }
            else if ((r == 0) == all)
              {
                decided = TRUE;
                k = DECISIVE;
              }
            else
              k = OTHER;
            if (reasons == NULL)
              {
                if (decided)
                  break;
                continue;
              }
            kind[i] = k;
            end[i] = reasons->len;
          }

        label = cond_label (cond, lang);
        keep = decided ? DECISIVE : any_unknown ? UNKNOWN : OTHER;
        if (reasons != NULL)
          {
            guint j = base, to = base;

            for (guint i = 0; i < n_children; i++)
              for (; j < end[i]; j++)
                {
                  if (kind[i] == keep)
                    reasons->pdata[to++] = reasons->pdata[j];
                  else
                    g_free (reasons->pdata[j]);
                }
            /* What is past @to was moved down or freed: only NULLs are left to drop. */
            for (j = to; j < reasons->len; j++)
              reasons->pdata[j] = NULL;
            g_ptr_array_set_size (reasons, (int) to);
            if (label != NULL && !(any_unknown && !decided))
              g_ptr_array_insert (reasons, (int) base, g_strdup (label));
          }
        if (decided)
          return all ? 0 : 1;
        if (any_unknown)
          return -1;
        return all ? 1 : 0;
      }

    case SC_COND_NOT:
      {
        const ScCond *child = (cond->children && cond->children->len > 0)
                                ? g_ptr_array_index (cond->children, 0) : NULL;
        int r;

        if (child == NULL)
          return -1;
        label = cond_label (cond, lang);
        if (reasons != NULL && label != NULL)
          {
            guint base = reasons->len;

            r = sc_condition_eval (child, profile, lang, reasons);
            if (r >= 0)
              g_ptr_array_insert (reasons, (int) base, g_strdup (label));
          }
        else
          r = sc_condition_eval (child, profile, lang, reasons);
        return r < 0 ? -1 : !r;
      }

    case SC_COND_COMPARE:
      {
        double x, t = cond->number.value;
        gboolean holds;
        char bx[SC_FORMAT_VALUE_BUF], bt[SC_FORMAT_VALUE_BUF];

        v = &profile->values[cond->field];
        if (!v->set)
          {
            reason_unknown (cond, lang, reasons);
            return -1;
          }
        x = v->number;
        switch (cond->op)
          {
          case SC_OP_EQ: holds = x == t; break;
          case SC_OP_NE: holds = x != t; break;
          case SC_OP_LT: holds = x < t; break;
          case SC_OP_LE: holds = x <= t; break;
          case SC_OP_GT: holds = x > t; break;
          case SC_OP_GE: holds = x >= t; break;
          default: holds = FALSE; break;
          }
        if (reasons != NULL)
          {
            const char *rel = holds ? op_symbol (cond->op) : (x < t ? "<" : x > t ? ">" : "=");
            ScUnit unit = sc_format_field_unit (cond->field);

            label = cond_label (cond, lang);
            sc_format_value (bx, sizeof bx, x, unit, NULL);
            sc_format_value (bt, sizeof bt, t, unit, NULL);
            /* Never "11 < 11": when rounding hides the difference, the
             * profile's value is written with the digits that show it. */
            if (x != t && g_str_equal (bx, bt))
              {
                g_ascii_formatd (bx, sizeof bx - 1, "%.12g", unit == SC_UNIT_PERCENT ? x * 100 : x);
                if (unit == SC_UNIT_PERCENT)
                  g_strlcat (bx, "%", sizeof bx);
              }
            /* "Shop experience score 4.3 < 4.4", "… Qianchuan·Chengfang 30% > 0%" */
            g_ptr_array_add (reasons, sc_format_strdup_printf ("%s %s %s %s",
                                                               label ? label : sc_format_field_label (cond->field),
                                                               bx, rel, bt));
          }
        return holds;
      }

    case SC_COND_IS:
      {
        const ScFieldInfo *info = sc_field_info (cond->field);
        const char *value;
        gboolean holds = FALSE;

        v = &profile->values[cond->field];
        if (!v->set)
          {
            reason_unknown (cond, lang, reasons);
            return -1;
          }
        if (info->type == SC_FIELD_TYPE_BOOL)
          value = v->number != 0 ? "true" : "false";
        else
          value = v->choice;
        for (guint i = 0; cond->values != NULL && cond->values[i] != NULL; i++)
          if (g_strcmp0 (cond->values[i], value) == 0)
            holds = TRUE;
        if (reasons != NULL)
          {
            label = cond_label (cond, lang);
            if (label == NULL)
              label = sc_format_field_label (cond->field);
            if (holds)
              g_ptr_array_add (reasons, sc_format_strdup_printf (_("%s: %s"), label,
                                                                 sc_format_choice_label (cond->field, value)));
            else
              {
                g_autofree char *wanted = sc_format_choices (cond->field, (const char *const *) cond->values);

                g_ptr_array_add (reasons, sc_format_strdup_printf (_("%s: %s, not %s"), label,
                                                                   sc_format_choice_label (cond->field, value),
                                                                   wanted));
              }
          }
        return holds;
      }

    case SC_COND_DATE_IN:
      {
        gboolean holds;
        char bd[16];

        v = &profile->values[cond->field];
        if (!v->set)
          {
            reason_unknown (cond, lang, reasons);
            return -1;
          }
        holds = sc_window_contains (&cond->window, v->date);
        if (reasons != NULL)
          {
            g_autofree char *w = sc_format_window (cond->window);

            label = cond_label (cond, lang);
            if (label == NULL)
              label = sc_format_field_label (cond->field);
            /* Translators: condition, the profile's date, the window:
             * "First sale made: 2026-01-10, within 2026-01-01 onwards" */
            g_ptr_array_add (reasons, sc_format_strdup_printf (holds ? _("%s: %s, within %s")
                                                                     : _("%s: %s, not within %s"),
                                                               label, sc_day_format (v->date, bd), w));
          }
        return holds;
      }

    default:
      return -1;
    }
}

int
sc_engine_eval_condition (const ScCond    *cond,
                          const ScProfile *profile,
                          const char      *lang,
                          GPtrArray       *reasons)
{
  g_return_val_if_fail (cond != NULL && profile != NULL, -1);
  return sc_condition_eval (cond, profile, lang ? lang : sc_lang_current (), reasons);
}

gboolean
sc_cond_any (const ScCond  *cond,
             gboolean     (*func) (const ScCond *cond,
                                   gpointer      data),
             gpointer       data)
{
  if (cond == NULL)
    return FALSE;
  if (func (cond, data))
    return TRUE;
  for (guint i = 0; cond->children != NULL && i < cond->children->len; i++)
    if (sc_cond_any (g_ptr_array_index (cond->children, i), func, data))
      return TRUE;
  return FALSE;
}

static gboolean
is_assumed_threshold (const ScCond *cond,
                      gpointer      data)
{
  return cond->kind == SC_COND_COMPARE && cond->number.set && (cond->number.basis & SC_BASIS_ASSUMED);
}

/*
 * Notes the assumed numbers of @cond (which evaluated to @r) that decided
 * it: those whose comparison is among the reasons sc_condition_eval() keeps (the
 * false children of an all, the true ones of an any, else the unknown ones,
 * else the rest), so what is listed is what the reasons show. A threshold
 * compared with a field the profile leaves unset decided nothing.
 */
void
sc_condition_note_assumed (Ctx             *ctx,
                           ScMeasureResult *mr,
                           const ScCond    *cond,
                           int              r)
{
  switch (cond->kind)
    {
    case SC_COND_ALL:
    case SC_COND_ANY:
      {
        gboolean all = cond->kind == SC_COND_ALL;
        guint n = cond->children != NULL ? cond->children->len : 0;
        gboolean decided = FALSE, any_unknown = FALSE;
        int rs_buf[32];
        g_autofree int *rs_heap = NULL;
        int *rs = rs_buf;

        /* Most conditions assume nothing: no second evaluation for them. */
        if (r < 0 || !sc_cond_any (cond, is_assumed_threshold, NULL))
          break;
        if (n > G_N_ELEMENTS (rs_buf))
          rs = rs_heap = g_new (int, n);
        for (guint i = 0; i < n; i++)
          {
            rs[i] = sc_condition_eval (g_ptr_array_index (cond->children, i), ctx->profile, ctx->lang, NULL);
            if (rs[i] < 0)
              any_unknown = TRUE;
            else if ((rs[i] == 0) == all)
              decided = TRUE;
          }
        for (guint i = 0; i < n; i++)
          {
            gboolean keep = decided ? (rs[i] >= 0 && (rs[i] == 0) == all)
                          : any_unknown ? rs[i] < 0
                          : TRUE;

            if (keep && rs[i] >= 0)
              sc_condition_note_assumed (ctx, mr, g_ptr_array_index (cond->children, i), rs[i]);
          }
        break;
      }
    case SC_COND_NOT:
      if (r >= 0 && cond->children != NULL && cond->children->len > 0)
        sc_condition_note_assumed (ctx, mr, g_ptr_array_index (cond->children, 0), !r);
      break;
    case SC_COND_COMPARE:
      if (r >= 0 && cond->number.set && (cond->number.basis & SC_BASIS_ASSUMED))
        {
          const char *label = cond_label (cond, ctx->lang);
          g_autofree char *what = NULL;

          mr->basis |= cond->number.basis;
          if (!ctx->reasons)
            break;
          /* The condition as its reason shows it: "Has orders through Qianchuan·Chengfang >". */
          what = sc_format_strdup_printf ("%s %s", label ? label : sc_format_field_label (cond->field), op_symbol (cond->op));
          sc_ctx_note_assumed (ctx, mr->measure, what, &cond->number, sc_format_field_unit (cond->field), NULL);
        }
      break;
    default:
      break;
    }
}
