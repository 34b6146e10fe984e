/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-core"

/* The program reader, part two: conditions and effects of a measure. */

#include "config.h"

#include "sc-program-reader-private.h"

#include "sc-error.h"
#include "sc-field.h"
#include "sc-program-private.h"
#include "sc-xml.h"

/* ------------------------------------------------------------------ */
/* Names                                                               */
/* ------------------------------------------------------------------ */

static const ScEnumInfo op_rows[] = {
  [SC_OP_EQ] = { "eq", NULL, NULL, SC_UNIT_PLAIN },
  [SC_OP_NE] = { "ne", NULL, NULL, SC_UNIT_PLAIN },
  [SC_OP_LT] = { "lt", NULL, NULL, SC_UNIT_PLAIN },
  [SC_OP_LE] = { "le", NULL, NULL, SC_UNIT_PLAIN },
  [SC_OP_GT] = { "gt", NULL, NULL, SC_UNIT_PLAIN },
  [SC_OP_GE] = { "ge", NULL, NULL, SC_UNIT_PLAIN },
};
static const ScEnumTable op_table = { op_rows, G_N_ELEMENTS (op_rows) };

/* ------------------------------------------------------------------ */
/* Conditions                                                          */
/* ------------------------------------------------------------------ */

ScCond *
sc_reader_read_condition (Loader  *l,
                          xmlNode *node)
{
  const char *name = (const char *) node->name;
  ScCond *cond;

  if (g_str_equal (name, "all") || g_str_equal (name, "any") || g_str_equal (name, "not"))
    {
      cond = sc_cond_new_empty (g_str_equal (name, "all") ? SC_COND_ALL
                                : g_str_equal (name, "any") ? SC_COND_ANY : SC_COND_NOT);
      cond->line = sc_xml_node_line (node);
      read_texts (l, node, "label", &cond->label);
      for (xmlNode *child = node->children; child != NULL; child = child->next)
        if (child->type == XML_ELEMENT_NODE && !is_element (child, "label"))
          {
            ScCond *sub = sc_reader_read_condition (l, child);
            if (sub != NULL)
              g_ptr_array_add (cond->children, sub);
          }
      return cond;
    }

  if (g_str_equal (name, "compare"))
    {
      g_autofree char *value = prop (node, "value");
      g_autofree char *what = NULL;
      const ScFieldInfo *info;
      gboolean in_range = FALSE;

      cond = sc_cond_new_empty (SC_COND_COMPARE);
      cond->line = sc_xml_node_line (node);
      read_texts (l, node, "label", &cond->label);
      cond->op = sc_xml_read_enum (node, "op", &op_table, SC_OP_EQ);
      cond->number.value = parse_value (l, node, value);
      cond->number.set = TRUE;
      cond->number.line = cond->line;
      if (!sc_reader_read_field (l, node, "field", &cond->field))
        return cond;
      info = sc_field_info (cond->field);
      what = g_strdup_printf (_("the value compared with “%s”"), info->name);
      if (info->type != SC_FIELD_TYPE_NUMBER && info->type != SC_FIELD_TYPE_MONEY &&
          info->type != SC_FIELD_TYPE_FRACTION)
        problem (l, node, SC_ERROR_INVALID,
                 _("<compare> needs a number field but “%s” is %s; use <is> for yes/no and choice fields, <date-in> for dates"),
                 info->name, sc_reader_field_type_words (info->type));
      else
        in_range = sc_reader_check_range (l, node, what, cond->number.value, NUM_FIELD, cond->field);
      sc_reader_read_basis (l, node, &cond->number, what, info->type == SC_FIELD_TYPE_FRACTION, in_range);
      return cond;
    }

  if (g_str_equal (name, "is"))
    {
      g_autofree char *value = prop (node, "value");
      const ScFieldInfo *info;

      cond = sc_cond_new_empty (SC_COND_IS);
      cond->line = sc_xml_node_line (node);
      read_texts (l, node, "label", &cond->label);
      cond->values = sc_reader_words_of (value);
      if (!sc_reader_read_field (l, node, "field", &cond->field))
        return cond;
      info = sc_field_info (cond->field);
      if (info->type != SC_FIELD_TYPE_BOOL && info->type != SC_FIELD_TYPE_CHOICE)
        {
          problem (l, node, SC_ERROR_INVALID,
                   _("<is> needs a yes/no or choice field but “%s” is %s; use <compare> or <date-in>"),
                   info->name, sc_reader_field_type_words (info->type));
          return cond;
        }
      for (guint i = 0; cond->values[i] != NULL; i++)
        if (!sc_reader_choice_known (info, cond->values[i]))
          {
            g_autofree char *list = sc_reader_choices_list (info);
            problem (l, node, SC_ERROR_INVALID, _("“%s” is not a value of “%s”; expected one of: %s"),
                     cond->values[i], info->name, list);
          }
      return cond;
    }

  if (g_str_equal (name, "date-in"))
    {
      cond = sc_cond_new_empty (SC_COND_DATE_IN);
      cond->line = sc_xml_node_line (node);
      read_texts (l, node, "label", &cond->label);
      sc_reader_read_window (l, node, &cond->window);
      if (sc_reader_read_field (l, node, "field", &cond->field) &&
          sc_field_info (cond->field)->type != SC_FIELD_TYPE_DATE)
        problem (l, node, SC_ERROR_INVALID, _("<date-in> needs a date field but “%s” is %s"),
                 sc_field_info (cond->field)->name, sc_reader_field_type_words (sc_field_info (cond->field)->type));
      return cond;
    }

  /* The schema admits no other element here. */
  return NULL;
}

/* ------------------------------------------------------------------ */
/* Effects                                                             */
/* ------------------------------------------------------------------ */

static void
read_tiers (Loader   *l,
            xmlNode  *node,
            ScEffect *effect,
            gboolean  decreasing)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      ScTier *tier;

      if (!is_element (child, "tier"))
        continue;
      tier = sc_tier_new_empty ();
      tier->line = sc_xml_node_line (child);
      g_ptr_array_add (effect->tiers, tier);
      sc_reader_read_number (l, child, "threshold", &tier->threshold, decreasing ? NUM_COUNT : NUM_AMOUNT, TRUE);
      sc_reader_read_number (l, child, "reward", &tier->reward, NUM_AMOUNT, TRUE);
      if (decreasing && tier->threshold.set && tier->threshold.value < 1)
        problem (l, child, SC_ERROR_VALUE, _("a rank tier's threshold is a top N and must be at least 1"));

      if (effect->tiers->len > 1)
        {
          ScTier *prev = g_ptr_array_index (effect->tiers, effect->tiers->len - 2);
          g_autofree char *a = sc_reader_format_number (prev->threshold.value);
          g_autofree char *b = sc_reader_format_number (tier->threshold.value);

          if (!decreasing && !(tier->threshold.value > prev->threshold.value))
            problem (l, child, SC_ERROR_INVALID,
                     _("tier thresholds must increase strictly: %s follows %s"), b, a);
          else if (decreasing && !(tier->threshold.value < prev->threshold.value))
            problem (l, child, SC_ERROR_INVALID,
                     _("rank tiers go from the widest top N to the narrowest: %s follows %s but must be smaller"), b, a);
        }
    }
}

/*
 * anchor="field" counts from the date in the profile field named by
 * field="…" (e.g. jinniu-since); "field" means nothing with another anchor.
 * fallback="…" (another anchor) is where counting starts when the profile
 * leaves that field empty, instead of "needs information": the Star Plan's
 * 1,300 free orders count from return-shipping-since when the merchant
 * gives it, else from the window start.
 */
static void
read_anchor_field (Loader   *l,
                   xmlNode  *node,
                   ScEffect *effect)
{
  g_autofree char *name = prop (node, "field");
  g_autofree char *fallback = prop (node, "fallback");
  const ScFieldInfo *info;

  if (effect->anchor != SC_ANCHOR_FIELD)
    {
      if (name != NULL)
        problem (l, node, SC_ERROR_INVALID,
                 _("“field” names the date counting starts from and goes with anchor=\"field\"; this anchor is “%s”"),
                 sc_anchor_to_string (effect->anchor));
      if (fallback != NULL)
        problem (l, node, SC_ERROR_INVALID,
                 _("“fallback” says where counting starts when the profile leaves the anchor field empty and goes with anchor=\"field\"; this anchor is “%s”"),
                 sc_anchor_to_string (effect->anchor));
      return;
    }
  if (fallback != NULL)
    {
      guint i;

      if (!sc_enum_from_string (&sc_anchor_table, fallback, &i) || i == SC_ANCHOR_FIELD)
        problem (l, node, SC_ERROR_INVALID,
                 _("fallback=\"%s\" is not an anchor to count from when the field is empty; expected first-sale, entry, first-live or window-start"),
                 fallback);
      else
        effect->anchor_fallback = (ScAnchor) i;
    }
  if (name == NULL)
    {
      problem (l, node, SC_ERROR_INVALID,
               _("anchor=\"field\" needs a “field” attribute naming a date field of the profile, such as “jinniu-since”"));
      return;
    }
  if (!sc_reader_read_field (l, node, "field", &effect->anchor_field))
    return;
  info = sc_field_info (effect->anchor_field);
  if (info->type != SC_FIELD_TYPE_DATE)
    {
      problem (l, node, SC_ERROR_INVALID, _("the anchor field must be a date field of the profile but “%s” is %s"),
               info->name, sc_reader_field_type_words (info->type));
      effect->anchor_field = SC_N_FIELDS;
    }
}

void
sc_reader_read_effect (Loader    *l,
                       xmlNode   *node,
                       ScMeasure *measure)
{
  const char *name = (const char *) node->name;
  ScEffect *effect;

  static const struct { const char *name; ScEffectKind kind; } kinds[] = {
    { "grant", SC_EFFECT_GRANT },
    { "tiered", SC_EFFECT_TIERED },
    { "rank", SC_EFFECT_RANK },
    { "order-fee-waiver", SC_EFFECT_ORDER_FEE_WAIVER },
    { "fee-rate", SC_EFFECT_FEE_RATE },
    { "commission-waiver", SC_EFFECT_COMMISSION_WAIVER },
    { "deposit", SC_EFFECT_DEPOSIT },
    { "settlement", SC_EFFECT_SETTLEMENT },
    { "right", SC_EFFECT_RIGHT },
    { "rule-outcome", SC_EFFECT_RULE_OUTCOME },
  };
  guint k;

  for (k = 0; k < G_N_ELEMENTS (kinds); k++)
    if (g_str_equal (kinds[k].name, name))
      break;
  if (k == G_N_ELEMENTS (kinds))
    return;

  effect = sc_effect_new_empty (kinds[k].kind);
  effect->line = sc_xml_node_line (node);
  g_ptr_array_add (measure->effects, effect);
  effect->up_to = prop_bool (node, "up-to");
  effect->benefit = sc_xml_read_enum (node, "benefit", &sc_benefit_table, SC_BENEFIT_CASH);
  effect->anchor = sc_xml_read_enum (node, "anchor", &sc_anchor_table, SC_ANCHOR_FIRST_SALE);
  effect->fee = sc_xml_read_enum (node, "fee", &sc_fee_table, SC_FEE_COMMISSION);
  read_anchor_field (l, node, effect);

  switch (effect->kind)
    {
    case SC_EFFECT_GRANT:
      sc_reader_read_number (l, node, "amount", &effect->amount, NUM_AMOUNT, TRUE);
      sc_reader_read_number (l, node, "offset-days", &effect->days, NUM_DAYS, FALSE);
      sc_reader_read_number (l, node, "exposures-per-unit", &effect->exposures_per_unit, NUM_AMOUNT, FALSE);
      effect->unit = prop (node, "unit");
      if (effect->benefit == SC_BENEFIT_TRAFFIC && effect->unit == NULL)
        effect->unit = g_strdup ("exposure");
      if (effect->benefit != SC_BENEFIT_TRAFFIC && effect->unit != NULL)
        problem (l, node, SC_ERROR_INVALID, _("“unit” is only for traffic grants (benefit=\"traffic\")"));
      if (effect->exposures_per_unit.set && g_strcmp0 (effect->unit, "exposure") == 0)
        problem (l, node, SC_ERROR_INVALID,
                 _("<exposures-per-unit> only applies to grants with unit=\"traffic-coupon\" or unit=\"traffic-unit\""));
      if (g_strcmp0 (effect->unit, "traffic-unit") == 0 && !effect->exposures_per_unit.set)
        problem (l, node, SC_ERROR_INVALID,
                 _("unit=\"traffic-unit\" says the source gives no unit; give <exposures-per-unit basis=\"assumed\"> with a note saying what one unit is taken to be"));
      break;

    case SC_EFFECT_TIERED:
      for (xmlNode *child = node->children; child != NULL; child = child->next)
        if (is_element (child, "checkpoint"))
          {
            g_autofree char *day = prop (child, "day");
            guint64 d = 0;

            if (!g_ascii_string_to_unsigned (day, 10, 1, (guint64) DAYS_MAX, &d, NULL))
              {
                problem (l, child, SC_ERROR_VALUE,
                         _("checkpoint day “%s” must be a whole number of days from 1 to 36600"), day);
                continue;
              }
            if (effect->checkpoints->len > 0 &&
                g_array_index (effect->checkpoints, guint, effect->checkpoints->len - 1) >= d)
              problem (l, child, SC_ERROR_INVALID, _("checkpoints must come in increasing order of days"));
            g_array_append_val (effect->checkpoints, *(guint[]) { (guint) d });
          }
      read_tiers (l, node, effect, FALSE);
      sc_reader_read_number (l, node, "max-total", &effect->max_total, NUM_AMOUNT, FALSE);
      break;

    case SC_EFFECT_RANK:
      {
        g_autofree char *rank_name = prop (node, "rank-field");

        if (rank_name != NULL && sc_reader_read_field (l, node, "rank-field", &effect->rank_field)
            && sc_field_info (effect->rank_field)->type != SC_FIELD_TYPE_NUMBER)
          {
            problem (l, node, SC_ERROR_INVALID, _("“rank-field” must name a number field of the profile; “%s” is %s"),
                     rank_name, sc_reader_field_type_words (sc_field_info (effect->rank_field)->type));
            effect->rank_field = SC_FIELD_EXPECTED_RANK;
          }
      }
      read_tiers (l, node, effect, TRUE);
      sc_reader_read_number (l, node, "max-total", &effect->max_total, NUM_AMOUNT, FALSE);
      break;

    case SC_EFFECT_ORDER_FEE_WAIVER:
      sc_reader_read_number (l, node, "max-orders", &effect->max_orders, NUM_COUNT, TRUE);
      sc_reader_read_number (l, node, "days", &effect->days, NUM_DAYS, FALSE);
      sc_reader_read_number (l, node, "discount-after", &effect->discount_after, NUM_FRACTION, FALSE);
      sc_reader_read_number (l, node, "discount-days", &effect->discount_days, NUM_DAYS, FALSE);
      if (effect->discount_days.set && !effect->discount_after.set)
        problem (l, node, SC_ERROR_INVALID, _("<discount-days> says how long <discount-after> runs; give <discount-after> too"));
      break;

    case SC_EFFECT_FEE_RATE:
      sc_reader_read_number (l, node, "rate", &effect->rate, NUM_FRACTION, TRUE);
      {
        g_autofree char *share = prop (node, "share-field");
        if (share != NULL && sc_reader_read_field (l, node, "share-field", &effect->share_field) &&
            sc_field_info (effect->share_field)->type != SC_FIELD_TYPE_FRACTION)
          {
            problem (l, node, SC_ERROR_INVALID,
                     _("“share-field” must name a fraction field of the profile; “%s” is %s"),
                     share, sc_reader_field_type_words (sc_field_info (effect->share_field)->type));
            effect->share_field = SC_N_FIELDS;
          }
      }
      {
        g_autofree char *within = prop (node, "within-field");

        if (within != NULL && effect->share_field == SC_N_FIELDS)
          problem (l, node, SC_ERROR_INVALID, _("“within-field” says which share “share-field” is part of; give “share-field” too"));
        else if (within != NULL && sc_reader_read_field (l, node, "within-field", &effect->share_within)
                 && sc_field_info (effect->share_within)->type != SC_FIELD_TYPE_FRACTION)
          {
            problem (l, node, SC_ERROR_INVALID,
                     _("“within-field” must name a fraction field of the profile; “%s” is %s"),
                     within, sc_reader_field_type_words (sc_field_info (effect->share_within)->type));
            effect->share_within = SC_N_FIELDS;
          }
      }
      break;

    case SC_EFFECT_COMMISSION_WAIVER:
      {
        g_autofree char *categories = prop (node, "categories");
        const ScFieldInfo *info = sc_field_info (SC_FIELD_CATEGORY);

        effect->scene = prop (node, "scene");
        if (categories != NULL)
          {
            effect->categories = sc_reader_words_of (categories);
            for (guint i = 0; effect->categories[i] != NULL; i++)
              if (!sc_reader_choice_known (info, effect->categories[i]))
                {
                  g_autofree char *list = sc_reader_choices_list (info);
                  problem (l, node, SC_ERROR_INVALID, _("unknown category “%s”; expected one of: %s"),
                           effect->categories[i], list);
                }
          }
        sc_reader_read_number (l, node, "share", &effect->share, NUM_FRACTION, FALSE);
      }
      break;

    case SC_EFFECT_DEPOSIT:
      sc_reader_read_number (l, node, "amount", &effect->deposit, NUM_AMOUNT, TRUE);
      sc_reader_read_number (l, node, "days", &effect->days, NUM_DAYS, FALSE);
      break;

    case SC_EFFECT_SETTLEMENT:
      sc_reader_read_number (l, node, "days", &effect->settlement_days, NUM_DAYS, TRUE);
      break;

    case SC_EFFECT_RULE_OUTCOME:
      effect->replaces = prop (node, "replaces");
      G_GNUC_FALLTHROUGH;
    case SC_EFFECT_RIGHT:
      read_texts (l, node, "text", &effect->text);
      break;

    default:
      g_assert_not_reached ();
    }
}

