/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-ui"

#include "config.h"

#include "sc-rule-check-view.h"

#include <glib/gi18n.h>
#include <string.h>

struct _ScRuleCheckView
{
  ScPage               parent_instance;

  ScDocument          *document;  /* the page's (ScPage), borrowed */
  AdwPreferencesPage  *page;
  AdwStatusPage       *status;
  AdwPreferencesGroup *situations;
  GPtrArray           *rows;
  char                *shown;      /* what the rows show, to skip equal rebuilds */
};

G_DEFINE_FINAL_TYPE (ScRuleCheckView, sc_rule_check_view, SC_TYPE_PAGE)

static const char *
outcome_icon (ScReliefOutcome outcome)
{
  switch (outcome)
    {
    case SC_RELIEF_AVAILABLE: return "emblem-ok-symbolic";
    case SC_RELIEF_NOT_AVAILABLE: return "dialog-warning-symbolic";
    case SC_RELIEF_NEEDS_INFO: return "document-edit-symbolic";
    case SC_RELIEF_NO_SCENARIO:
    default: return "security-high-symbolic";
    }
}

/* Appends @text to @s as a sentence: the engine's reasons are phrases,
 * the status page prints them as sentences, ended in the language's way. */
static void
append_sentence (GString    *s,
                 const char *text)
{
  /* TRANSLATORS: ends a sentence of the Rule Check page; Chinese "。" */
  const char *stop = C_("sentence end", ".");
  gsize len = strlen (text);

  if (s->len > 0)
    g_string_append_c (s, '\n');
  g_string_append (s, text);
  if (len > 0 && !g_str_has_suffix (text, ".") && !g_str_has_suffix (text, "。")
      && !g_str_has_suffix (text, "!") && !g_str_has_suffix (text, "？")
      && !g_str_has_suffix (text, "?") && !g_str_has_suffix (text, "！"))
    g_string_append (s, stop);
}

static void
refresh (ScRuleCheckView *self)
{
  const ScRuleCheck *check = sc_document_get_rule_check (self->document);
  const char *lang = sc_lang_current ();
  g_autoptr(GString) summary = g_string_new (NULL);

  if (check == NULL)
    return;

  {
    /* Most edits do not touch the violation scenario: keep the rows then. */
    GString *key = g_string_new (NULL);
    g_string_append_printf (key, "%d|%s|", check->outcome, summary->str);
    for (guint i = 0; check->reasons != NULL && i < check->reasons->len; i++)
      g_string_append_printf (key, "%s|", (const char *) g_ptr_array_index (check->reasons, i));
    for (guint i = 0; i < check->situations->len; i++)
      {
        const ScRuleSituation *s = g_ptr_array_index (check->situations, i);
        g_string_append_printf (key, "%p:%d:", s->measure, s->status);
        for (guint r = 0; s->reasons != NULL && r < s->reasons->len; r++)
          g_string_append_printf (key, "%s;", (const char *) g_ptr_array_index (s->reasons, r));
      }
    if (g_strcmp0 (key->str, self->shown) == 0)
      {
        g_string_free (key, TRUE);
        return;
      }
    g_free (self->shown);
    self->shown = g_string_free (key, FALSE);
  }

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->situations, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  for (guint i = 0; check->reasons != NULL && i < check->reasons->len; i++)
    append_sentence (summary, g_ptr_array_index (check->reasons, i));
  if (check->outcome == SC_RELIEF_NO_SCENARIO)
    append_sentence (summary, _("Set “Violation notice received as” in the profile’s Violation Scenario to check a notice."));

  adw_status_page_set_icon_name (self->status, outcome_icon (check->outcome));
  adw_status_page_set_title (self->status, sc_relief_outcome_label (check->outcome));
  adw_status_page_set_description (self->status, summary->str);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->status),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, sc_relief_outcome_label (check->outcome),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary->str, -1);

  gtk_widget_set_visible (GTK_WIDGET (self->situations), check->situations->len > 0);
  for (guint i = 0; i < check->situations->len; i++)
    {
      const ScRuleSituation *s = g_ptr_array_index (check->situations, i);
      GtkWidget *row = adw_expander_row_new ();
      GtkWidget *icon;
      const char *state, *icon_name;
      g_autoptr(GString) why = g_string_new (NULL);

      switch (s->status)
        {
        case 1: state = _("Applies"); icon_name = "emblem-ok-symbolic"; break;
        case 0: state = _("Does not apply"); icon_name = "window-close-symbolic"; break;
        default: state = _("Needs information"); icon_name = "document-edit-symbolic"; break;
        }
      /* Rules not in force on the evaluation date (a draft…) never "apply". */
      if (s->status == 1 && !s->in_force)
        state = _("Would apply, but these rules are not in force");
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sc_text_get (&s->measure->title, lang));
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), state);
      icon = gtk_image_new_from_icon_name (icon_name);
      gtk_widget_add_css_class (icon, s->status == 1 && s->in_force ? "success" : s->status == 0 ? "dim-label" : "warning");
      adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), icon);
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), s->status != 0);

      for (guint r = 0; s->reasons != NULL && r < s->reasons->len; r++)
        {
          GtkWidget *child = adw_action_row_new ();
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (child), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (child), g_ptr_array_index (s->reasons, r));
          adw_action_row_set_title_lines (ADW_ACTION_ROW (child), 4);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), child);
        }
      if (s->replaces != NULL || s->text != NULL)
        {
          GtkWidget *child = adw_action_row_new ();
          g_autofree char *title = s->replaces != NULL
            /* TRANSLATORS: "Instead of 全部商品下架" */
            ? g_strdup_printf (_("Instead of %s"), s->replaces)
            : g_strdup (_("Outcome"));
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (child), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (child), title);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (child), s->text ? sc_text_get (s->text, lang) : "");
          adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (child), 4);
          gtk_widget_add_css_class (child, "property");
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), child);
        }
      if (s->measure->quote != NULL)
        {
          GtkWidget *child = adw_action_row_new ();
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (child), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (child), _("Rule text"));
          adw_action_row_set_subtitle (ADW_ACTION_ROW (child), s->measure->quote);
          adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (child), 6);
          gtk_widget_add_css_class (child, "property");
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), child);
        }
      adw_preferences_group_add (self->situations, row);
      g_ptr_array_add (self->rows, row);
    }
}

static void
sc_rule_check_view_constructed (GObject *object)
{
  ScRuleCheckView *self = SC_RULE_CHECK_VIEW (object);

  G_OBJECT_CLASS (sc_rule_check_view_parent_class)->constructed (object);
  self->document = sc_page_get_document (SC_PAGE (self));

  g_signal_connect_object (self->document, "result-ready", G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
  refresh (self);
}

static void
sc_rule_check_view_dispose (GObject *object)
{
  ScRuleCheckView *self = SC_RULE_CHECK_VIEW (object);

  /* The template's tree is AdwBin's child, which AdwBin disposes. */
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->shown, g_free);

  G_OBJECT_CLASS (sc_rule_check_view_parent_class)->dispose (object);
}

static void
sc_rule_check_view_class_init (ScRuleCheckViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sc_rule_check_view_constructed;
  object_class->dispose = sc_rule_check_view_dispose;


  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/sc-rule-check-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ScRuleCheckView, page);
  gtk_widget_class_bind_template_child (widget_class, ScRuleCheckView, status);
  gtk_widget_class_bind_template_child (widget_class, ScRuleCheckView, situations);
}

static void
sc_rule_check_view_init (ScRuleCheckView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
}

GtkWidget *
sc_rule_check_view_new (ScDocument *document)
{
  g_return_val_if_fail (SC_IS_DOCUMENT (document), NULL);

  return g_object_new (SC_TYPE_RULE_CHECK_VIEW, "document", document, NULL);
}
