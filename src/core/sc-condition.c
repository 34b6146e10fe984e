/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-core"

#include "config.h"

/* Three-valued conditions: 1 holds, 0 does not, -1 unknown (a field is
 * unset), with the reasons that decided. */

#include "sc-condition.h"

#include "sc-engine-private.h"

#include <math.h>
#include <string.h>

/* The wording of @cond for its reasons, NULL when it has none. */
static const ScText *
cond_label (const ScCond *cond)
{
  if (cond->label.zh == NULL && cond->label.en == NULL)
    return NULL;
  return &cond->label;
}

static void
reason_unknown (const ScCond *cond,
                GArray       *reasons)
{
  if (reasons == NULL)
    return;
  sc_reason_add (reasons, SC_REASON_NEEDS_INFO, cond->field);
}

/* Puts a reason with @label, a condition's wording, at @index of @reasons. */
static void
insert_label (GArray       *reasons,
              guint         index,
              const ScText *label)
{
  ScReason r = { .kind = SC_REASON_COND_LABEL };

  r.args[0].p = label;
  g_array_insert_val (reasons, index, r);
}

int
sc_condition_eval (const ScCond    *cond,
                   const ScProfile *profile,
                   GArray          *reasons)
{
  const ScProfileValue *v;
  const ScText *label;

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
            int r = sc_condition_eval (g_ptr_array_index (cond->children, i), profile, reasons);
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

        label = cond_label (cond);
        keep = decided ? DECISIVE : any_unknown ? UNKNOWN : OTHER;
        if (reasons != NULL)
          {
            guint j = base, to = base;

            for (guint i = 0; i < n_children; i++)
              for (; j < end[i]; j++)
                if (kind[i] == keep)
                  {
                    if (to != j)
                      g_array_index (reasons, ScReason, to) = g_array_index (reasons, ScReason, j);
                    to++;
                  }
            g_array_set_size (reasons, to);
            if (label != NULL && !(any_unknown && !decided))
              insert_label (reasons, base, label);
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
        label = cond_label (cond);
        if (reasons != NULL && label != NULL)
          {
            guint base = reasons->len;

            r = sc_condition_eval (child, profile, reasons);
            if (r >= 0)
              insert_label (reasons, base, label);
          }
        else
          r = sc_condition_eval (child, profile, reasons);
        return r < 0 ? -1 : !r;
      }

    case SC_COND_COMPARE:
      {
        double x, t = cond->number.value;
        gboolean holds;

        v = &profile->values[cond->field];
        if (!v->set)
          {
            reason_unknown (cond, reasons);
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
            ScOp rel = holds ? cond->op : (x < t ? SC_OP_LT : x > t ? SC_OP_GT : SC_OP_EQ);
            ScUnit unit = sc_format_field_unit (cond->field);

            /* "Shop experience score 4.3 < 4.4", never "11 < 11" */
            sc_reason_add (reasons, SC_REASON_COND_COMPARE, cond_label (cond), cond->field,
                           x, t, unit, rel, t, unit, NULL);
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
            reason_unknown (cond, reasons);
            return -1;
          }
        if (info->type == SC_FIELD_TYPE_BOOL)
          value = v->number != 0 ? "true" : "false";
        else
          value = v->choice;
        for (guint i = 0; cond->values != NULL && cond->values[i] != NULL; i++)
          if (g_strcmp0 (cond->values[i], value) == 0)
            holds = TRUE;
        if (reasons != NULL && holds)
          sc_reason_add (reasons, SC_REASON_COND_CHOICE, cond_label (cond), cond->field, cond->field, value);
        else if (reasons != NULL)
          sc_reason_add (reasons, SC_REASON_CHOICE_NOT, cond_label (cond), cond->field, cond->field, value,
                         cond->field, cond->values);
        return holds;
      }

    case SC_COND_DATE_IN:
      {
        gboolean holds;

        v = &profile->values[cond->field];
        if (!v->set)
          {
            reason_unknown (cond, reasons);
            return -1;
          }
        holds = sc_window_contains (&cond->window, v->date);
        if (reasons != NULL)
          sc_reason_add (reasons, holds ? SC_REASON_COND_DATE_IN : SC_REASON_COND_DATE_NOT_IN,
                         cond_label (cond), cond->field, v->date, cond->window);
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
  g_autoptr(GArray) data = NULL;
  int r;

  g_return_val_if_fail (cond != NULL && profile != NULL, -1);
  if (reasons == NULL)
    return sc_condition_eval (cond, profile, NULL);
  data = sc_reasons_new (8);
  r = sc_condition_eval (cond, profile, data);
  for (guint i = 0; i < data->len; i++)
    g_ptr_array_add (reasons, sc_reason_format (&g_array_index (data, ScReason, i), lang ? lang : sc_lang_current ()));
  return r;
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
            rs[i] = sc_condition_eval (g_ptr_array_index (cond->children, i), ctx->profile, NULL);
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
          mr->basis |= cond->number.basis;
          /* The condition as its reason shows it: "Has orders through Qianchuan·Chengfang >". */
          sc_ctx_note_threshold (ctx, mr->measure, cond);
        }
      break;
    default:
      break;
    }
}
