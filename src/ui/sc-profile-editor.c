/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-ui"

#include "config.h"

#include "sc-profile-editor.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "sc-a11y.h"
#include "sc-baselines-group.h"
#include "sc-error.h"
#include "sc-i18n.h"
#include "sc-scroll-guard.h"

typedef struct _ScProfileEditor ScProfileEditor;

typedef struct
{
  ScProfileEditor *self;
  ScField          field;
  AdwActionRow    *row;
  GtkCheckButton  *given;
  GtkWidget       *value;     /* GtkSpinButton, GtkDropDown, GtkSwitch or GtkMenuButton */
  GtkCalendar     *calendar;  /* DATE */
  char            *message;   /* inline validation message */
} FieldRow;

struct _ScProfileEditor
{
  AdwBin               parent_instance;

  ScDocument          *document;
  AdwPreferencesPage  *page;
  AdwEntryRow         *name_row;
  AdwActionRow        *as_of_row;
  GtkMenuButton       *as_of_button;
  GtkCalendar         *as_of_calendar;
  GtkSpinButton       *horizon_spin;
  GtkTextBuffer       *notes;
  ScBaselinesGroup    *baselines_group;
  FieldRow             rows[SC_N_FIELDS];
  gboolean             loading;
  /* Rows of groups[] past the first EAGER_GROUPS are made after the first
   * frame (or when the API needs them): see ensure_rows(). */
  AdwPreferencesGroup *group_widgets[6];
  guint                n_groups_built;
  gulong               after_paint_id;
  guint                build_id;
  /* The window whose focus moves close the document's undo step. */
  GtkWindow           *focus_window;
  gulong               focus_id;
};

G_DEFINE_FINAL_TYPE (ScProfileEditor, sc_profile_editor, ADW_TYPE_BIN)

static const struct
{
  const char *title;
  const char *description;
  ScField     first;
  ScField     last;
} groups[] = {
  { N_("Store"), NULL, SC_FIELD_STORE_TYPE, SC_FIELD_FIRST_LIVE_DATE },
  { N_("Sales"), NULL, SC_FIELD_MONTHLY_GMV, SC_FIELD_EXPECTED_RANK },
  { N_("Operations"), NULL, SC_FIELD_RETURN_COVER, SC_FIELD_SHOP_SCORE },
  { N_("Factory"), N_("For Kuaishou’s Kuaizhizao factory program"), SC_FIELD_FACTORY_TIER, SC_FIELD_OWN_LIVE_TEAM },
  { N_("Violation Scenario"), N_("A violation notice to check against the penalty-relief rules"), SC_FIELD_VIOLATION_ROLE, SC_FIELD_SERIOUS_VIOLATION },
  { N_("Assumptions"), N_("Numbers no program states: yours to change"), SC_FIELD_COST_OF_CAPITAL, SC_FIELD_LOCKED_VALUE_WORTH },
};
G_STATIC_ASSERT (G_N_ELEMENTS (groups) == G_N_ELEMENTS (((ScProfileEditor *) NULL)->group_widgets));

static void update_row_state (FieldRow *fr);
static void ensure_rows (ScProfileEditor *self);

/* The groups whose rows the first frame shows, with the window at its
 * default size; the others' rows come right after it. */
#define EAGER_GROUPS 2

static gboolean
is_assumption (ScField field)
{
  return field == SC_FIELD_COST_OF_CAPITAL || field == SC_FIELD_YUAN_PER_1000_EXPOSURES
         || field == SC_FIELD_LOCKED_VALUE_WORTH;
}

static double
display_scale (const ScFieldInfo *info)
{
  return info->type == SC_FIELD_TYPE_FRACTION ? 100.0 : 1.0;
}

static void
set_message (FieldRow   *fr,
             const char *message)
{
  char *old = fr->message;

  /* Copy first: safe when given the row's own message. */
  fr->message = g_strdup (message);
  g_free (old);
  update_row_state (fr);
}

static void
set_given_silently (FieldRow *fr,
                    gboolean  given)
{
  gboolean loading = fr->self->loading;

  fr->self->loading = TRUE;
  gtk_check_button_set_active (fr->given, given);
  fr->self->loading = loading;
}

/* Sets @text as the row's subtitle, with the badge on an assumption's row. */
static void
set_subtitle (FieldRow   *fr,
              const char *text)
{
  g_autofree char *markup = NULL;

  if (!is_assumption (fr->field))
    {
      adw_action_row_set_subtitle (fr->row, text);
      return;
    }
  markup = sc_assumption_subtitle (text);
  adw_action_row_set_subtitle (fr->row, markup);
}

static void
update_row_state (FieldRow *fr)
{
  const ScProfile *profile = sc_document_get_profile (fr->self->document);
  const ScProfileValue *v = &profile->values[fr->field];
  const ScFieldInfo *info = sc_field_info (fr->field);
  GtkWidget *row = GTK_WIDGET (fr->row);

  if (fr->message != NULL)
    {
      set_subtitle (fr, fr->message);
      gtk_widget_add_css_class (row, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (fr->value),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, fr->message, -1);
      return;
    }
  gtk_widget_remove_css_class (row, "error");

  /* Read out as the box's description: say what its state means now. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (fr->given),
                               v->set ? _("Given: clear the box to leave the field out")
                                      : _("Not given: tick the box to enter a value"));
  if (!v->set)
    {
      set_subtitle (fr, info->unset_hint != NULL ? _(info->unset_hint)
                                                                     : _("Not given"));
      gtk_widget_add_css_class (fr->value, "dim-label");
    }
  else
    {
      const char *note = sc_text_get (&v->note, sc_lang_current ());

      gtk_widget_remove_css_class (fr->value, "dim-label");
      if (note != NULL && *note != '\0')
        set_subtitle (fr, note);
      else if (info->type == SC_FIELD_TYPE_MONEY && fr->field == SC_FIELD_AVG_ORDER_VALUE
               && sc_profile_is_set (profile, SC_FIELD_MONTHLY_GMV) && v->number > 0)
        {
          g_autofree char *orders =
            g_strdup_printf (_("About %.0f orders a month"),
                             sc_profile_get_number (profile, SC_FIELD_MONTHLY_GMV, 0) / v->number);
          set_subtitle (fr, orders);
        }
      else
        set_subtitle (fr, "");
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (fr->value),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  v->set ? "" : _("Not given"), -1);
}

/* --- applying values --------------------------------------------------- */

static gboolean
apply_number (FieldRow *fr,
              double    displayed)
{
  const ScFieldInfo *info = sc_field_info (fr->field);
  ScDocument *document = fr->self->document;
  g_autoptr(GError) error = NULL;

  if (!sc_document_set_number (document, fr->field, displayed / display_scale (info), &error))
    {
      set_message (fr, error->message);
      return FALSE;
    }
  set_given_silently (fr, TRUE);
  set_message (fr, NULL);
  return TRUE;
}

static gboolean
apply_number_text (FieldRow   *fr,
                   const char *text)
{
  const ScFieldInfo *info = sc_field_info (fr->field);
  GString *clean = g_string_new (NULL);
  g_autofree char *digits = NULL;
  char *end = NULL;
  double value;

  /* Accept what people type: thousands separators, spaces, a % sign. */
  for (const char *p = text; *p; p++)
    if (*p != ',' && *p != ' ' && *p != '%')
      g_string_append_c (clean, *p);
  digits = g_string_free (clean, FALSE);
  if (*digits == '\0')
    {
      set_message (fr, NULL);
      return FALSE;
    }
  value = g_ascii_strtod (digits, &end);
  if (end == digits || *end != '\0' || !isfinite (value))
    {
      g_autofree char *msg = g_strdup_printf (_("%s must be a number, not “%s”"),
                                              _(info->label), text);
      set_message (fr, msg);
      return FALSE;
    }
  return apply_number (fr, value);
}

static void
spin_text_changed_cb (GtkEditable *editable,
                      FieldRow    *fr)
{
  if (fr->self->loading)
    return;
  apply_number_text (fr, gtk_editable_get_text (editable));
}

static void
spin_value_changed_cb (GtkSpinButton *spin,
                       FieldRow      *fr)
{
  if (fr->self->loading)
    return;
  apply_number (fr, gtk_spin_button_get_value (spin));
}

static void
switch_active_cb (GtkSwitch  *sw,
                  GParamSpec *pspec,
                  FieldRow   *fr)
{
  if (fr->self->loading)
    return;
  sc_document_set_bool (fr->self->document, fr->field,
                        gtk_switch_get_active (sw), NULL);
  set_given_silently (fr, TRUE);
  update_row_state (fr);
}

static void
dropdown_selected_cb (GtkDropDown *dd,
                      GParamSpec  *pspec,
                      FieldRow    *fr)
{
  const ScFieldInfo *info = sc_field_info (fr->field);
  guint i = gtk_drop_down_get_selected (dd);

  if (fr->self->loading || i == GTK_INVALID_LIST_POSITION)
    return;
  sc_document_set_choice (fr->self->document, fr->field,
                          info->choices[i], NULL);
  set_given_silently (fr, TRUE);
  update_row_state (fr);
  if (fr->field == SC_FIELD_CATEGORY)
    sc_baselines_group_rebuild (fr->self->baselines_group);
}

static ScDay
calendar_day (GtkCalendar *calendar)
{
  g_autoptr(GDateTime) dt = gtk_calendar_get_date (calendar);

  return sc_day_from_ymd (g_date_time_get_year (dt), g_date_time_get_month (dt),
                          g_date_time_get_day_of_month (dt));
}

static void
calendar_select (GtkCalendar *calendar,
                 ScDay        day)
{
  int y, m, d;
  g_autoptr(GDateTime) dt = NULL;

  if (day == SC_DAY_NONE)
    return;
  sc_day_to_ymd (day, &y, &m, &d);
  dt = g_date_time_new_local (y, m, d, 0, 0, 0);
  gtk_calendar_select_day (calendar, dt);
}

static void
set_date_label (GtkMenuButton *button,
                ScDay          day)
{
  char buf[16];

  gtk_menu_button_set_label (button, day != SC_DAY_NONE ? sc_day_format (day, buf) : _("Not given"));
}

static void
date_selected_cb (GtkCalendar *calendar,
                  FieldRow    *fr)
{
  ScDay day;

  if (fr->self->loading)
    return;
  day = calendar_day (calendar);
  sc_document_set_date (fr->self->document, fr->field, day, NULL);
  set_date_label (GTK_MENU_BUTTON (fr->value), day);
  set_given_silently (fr, TRUE);
  update_row_state (fr);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (fr->value));
}

static void
apply_widget_value (FieldRow *fr)
{
  const ScFieldInfo *info = sc_field_info (fr->field);
  ScDocument *document = fr->self->document;

  switch (info->type)
    {
    case SC_FIELD_TYPE_NUMBER:
    case SC_FIELD_TYPE_MONEY:
    case SC_FIELD_TYPE_FRACTION:
      sc_document_set_number (document, fr->field,
                              gtk_spin_button_get_value (GTK_SPIN_BUTTON (fr->value)) / display_scale (info),
                              NULL);
      break;
    case SC_FIELD_TYPE_BOOL:
      sc_document_set_bool (document, fr->field, gtk_switch_get_active (GTK_SWITCH (fr->value)), NULL);
      break;
    case SC_FIELD_TYPE_CHOICE:
      {
        guint i = gtk_drop_down_get_selected (GTK_DROP_DOWN (fr->value));
        if (i != GTK_INVALID_LIST_POSITION)
          sc_document_set_choice (document, fr->field, info->choices[i], NULL);
      }
      break;
    case SC_FIELD_TYPE_DATE:
      {
        ScDay day = calendar_day (fr->calendar);
        sc_document_set_date (document, fr->field, day, NULL);
        set_date_label (GTK_MENU_BUTTON (fr->value), day);
      }
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
given_toggled_cb (GtkCheckButton *check,
                  FieldRow       *fr)
{
  if (fr->self->loading)
    return;
  if (gtk_check_button_get_active (check))
    apply_widget_value (fr);
  else
    {
      sc_document_unset (fr->self->document, fr->field);
      if (sc_field_info (fr->field)->type == SC_FIELD_TYPE_DATE)
        set_date_label (GTK_MENU_BUTTON (fr->value), SC_DAY_NONE);
    }
  set_message (fr, NULL);
}

/* --- building rows ----------------------------------------------------- */

static GtkWidget *
make_spin (const ScFieldInfo *info)
{
  double scale = display_scale (info);
  double lo = info->min * scale, hi = info->max * scale;
  int digits;
  double step;
  GtkWidget *spin;

  if (info->type == SC_FIELD_TYPE_FRACTION)
    digits = 1, step = 0.5;
  else if (info->type == SC_FIELD_TYPE_MONEY)
    digits = 2, step = 100;
  else if (hi - lo <= 10)
    digits = 1, step = 0.1;
  else
    digits = 0, step = 1;
  if (info->field == SC_FIELD_AVG_ORDER_VALUE || info->field == SC_FIELD_YUAN_PER_1000_EXPOSURES)
    step = 1;

  spin = gtk_spin_button_new_with_range (lo, hi, step);
  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), digits);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), FALSE);
  gtk_spin_button_set_update_policy (GTK_SPIN_BUTTON (spin), GTK_UPDATE_IF_VALID);
  gtk_editable_set_width_chars (GTK_EDITABLE (spin), 8);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  sc_scroll_guard_attach (spin);
  return spin;
}

static void
build_field_row (ScProfileEditor     *self,
                 AdwPreferencesGroup *group,
                 ScField              field)
{
  FieldRow *fr = &self->rows[field];
  const ScFieldInfo *info = sc_field_info (field);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *suffix = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  const char *unit = NULL;

  fr->self = self;
  fr->field = field;
  fr->row = ADW_ACTION_ROW (row);
  /* Named by the field's XML name: what finds it in the editor. */
  gtk_widget_set_name (row, info->name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(info->label));

  fr->given = GTK_CHECK_BUTTON (gtk_check_button_new ());
  gtk_widget_set_valign (GTK_WIDGET (fr->given), GTK_ALIGN_CENTER);
  {
    g_autofree char *label = g_strdup_printf (_("%s is given"), _(info->label));
    gtk_accessible_update_property (GTK_ACCESSIBLE (fr->given),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  }
  adw_action_row_add_prefix (fr->row, GTK_WIDGET (fr->given));
  g_signal_connect (fr->given, "toggled", G_CALLBACK (given_toggled_cb), fr);

  if (is_assumption (field))
    {
      /* The badge goes into the subtitle (update_row_state): as a suffix
       * it left the title and note too little width in English, which
       * hyphenated words and cut the note. */
      g_autofree char *title = g_markup_escape_text (_(info->label), -1);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), TRUE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_widget_set_tooltip_text (row, _("Not from any program or platform: your own estimate"));
    }

  switch (info->type)
    {
    case SC_FIELD_TYPE_NUMBER:
    case SC_FIELD_TYPE_MONEY:
    case SC_FIELD_TYPE_FRACTION:
      fr->value = make_spin (info);
      unit = info->type == SC_FIELD_TYPE_FRACTION ? "%" : info->unit ? _(info->unit) : NULL;
      g_signal_connect (fr->value, "changed", G_CALLBACK (spin_text_changed_cb), fr);
      g_signal_connect (fr->value, "value-changed", G_CALLBACK (spin_value_changed_cb), fr);
      break;
    case SC_FIELD_TYPE_BOOL:
      fr->value = gtk_switch_new ();
      gtk_widget_set_valign (fr->value, GTK_ALIGN_CENTER);
      g_signal_connect (fr->value, "notify::active", G_CALLBACK (switch_active_cb), fr);
      break;
    case SC_FIELD_TYPE_CHOICE:
      {
        g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
        for (guint i = 0; info->choices[i] != NULL; i++)
          gtk_string_list_append (list, sc_field_choice_label (field, info->choices[i]));
        fr->value = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&list)), NULL);
        sc_scroll_guard_attach (fr->value);
        gtk_widget_set_valign (fr->value, GTK_ALIGN_CENTER);
        g_signal_connect (fr->value, "notify::selected", G_CALLBACK (dropdown_selected_cb), fr);
      }
      break;
    case SC_FIELD_TYPE_DATE:
      {
        GtkWidget *popover = gtk_popover_new ();
        fr->calendar = GTK_CALENDAR (gtk_calendar_new ());
        sc_scroll_guard_block (GTK_WIDGET (fr->calendar));
        gtk_popover_set_child (GTK_POPOVER (popover), GTK_WIDGET (fr->calendar));
        fr->value = gtk_menu_button_new ();
        gtk_menu_button_set_popover (GTK_MENU_BUTTON (fr->value), popover);
        gtk_widget_set_valign (fr->value, GTK_ALIGN_CENTER);
        set_date_label (GTK_MENU_BUTTON (fr->value), SC_DAY_NONE);
        g_signal_connect (fr->calendar, "day-selected", G_CALLBACK (date_selected_cb), fr);
        gtk_accessible_update_property (GTK_ACCESSIBLE (fr->calendar),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, _(info->label), -1);
      }
      break;
    default:
      g_assert_not_reached ();
    }

  /* A switch is the row's activatable widget, which names it after the
   * row's title already: a label of its own would be read out twice. */
  if (info->type == SC_FIELD_TYPE_CHOICE || info->type == SC_FIELD_TYPE_DATE)
    sc_a11y_set_name (fr->value, _(info->label));
  else if (info->type != SC_FIELD_TYPE_BOOL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (fr->value),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, _(info->label), -1);
  gtk_box_append (GTK_BOX (suffix), fr->value);
  if (unit != NULL)
    {
      GtkWidget *u = gtk_label_new (unit);
      gtk_widget_add_css_class (u, "dim-label");
      gtk_widget_set_size_request (u, 36, -1);
      gtk_label_set_xalign (GTK_LABEL (u), 0);
      gtk_box_append (GTK_BOX (suffix), u);
    }
  else if (info->type != SC_FIELD_TYPE_BOOL)
    {
      GtkWidget *spacer = g_object_new (GTK_TYPE_LABEL, "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);
      gtk_widget_set_size_request (spacer, info->type == SC_FIELD_TYPE_NUMBER ? 36 : 0, -1);
      gtk_box_append (GTK_BOX (suffix), spacer);
    }
  gtk_widget_set_valign (suffix, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (fr->row, suffix);
  if (info->type == SC_FIELD_TYPE_BOOL)
    adw_action_row_set_activatable_widget (fr->row, fr->value);
  adw_preferences_group_add (group, row);
}

static void
load_row (FieldRow *fr)
{
  const ScProfile *profile = sc_document_get_profile (fr->self->document);
  const ScProfileValue *v = &profile->values[fr->field];
  const ScFieldInfo *info = sc_field_info (fr->field);

  gtk_check_button_set_active (fr->given, v->set);
  switch (info->type)
    {
    case SC_FIELD_TYPE_NUMBER:
    case SC_FIELD_TYPE_MONEY:
    case SC_FIELD_TYPE_FRACTION:
      {
        double value = v->set ? v->number * display_scale (info) : MAX (info->min * display_scale (info), 0);
        gtk_spin_button_set_value (GTK_SPIN_BUTTON (fr->value), value);
        /* set_value keeps the text when the value is equal: make them agree. */
        {
          g_autofree char *text = g_strdup_printf ("%.*f", gtk_spin_button_get_digits (GTK_SPIN_BUTTON (fr->value)),
                                                   gtk_spin_button_get_value (GTK_SPIN_BUTTON (fr->value)));
          gtk_editable_set_text (GTK_EDITABLE (fr->value), text);
        }
      }
      break;
    case SC_FIELD_TYPE_BOOL:
      gtk_switch_set_active (GTK_SWITCH (fr->value), v->set && v->number != 0);
      break;
    case SC_FIELD_TYPE_CHOICE:
      {
        guint sel = 0;
        for (guint i = 0; info->choices[i] != NULL; i++)
          if (g_strcmp0 (info->choices[i], v->choice) == 0)
            sel = i;
        gtk_drop_down_set_selected (GTK_DROP_DOWN (fr->value), sel);
      }
      break;
    case SC_FIELD_TYPE_DATE:
      calendar_select (fr->calendar, v->set ? v->date : profile->as_of);
      set_date_label (GTK_MENU_BUTTON (fr->value), v->set ? v->date : SC_DAY_NONE);
      break;
    default:
      g_assert_not_reached ();
    }
  g_clear_pointer (&fr->message, g_free);
  update_row_state (fr);
}

/* --- profile group: name, evaluation date, horizon ---------------------- */

static void
name_changed_cb (GtkEditable     *editable,
                 ScProfileEditor *self)
{
  if (self->loading)
    return;
  /* The name is kept in the UI's language; the other language stays. */
  sc_document_set_name (self->document, sc_lang_detect (),
                        gtk_editable_get_text (editable));
}

static void
as_of_selected_cb (GtkCalendar     *calendar,
                   ScProfileEditor *self)
{
  ScDay day;

  if (self->loading)
    return;
  day = calendar_day (calendar);
  sc_document_set_as_of (self->document, day, NULL);
  set_date_label (self->as_of_button, day);
  gtk_menu_button_popdown (self->as_of_button);
}

static void
horizon_changed_cb (GtkSpinButton   *spin,
                    ScProfileEditor *self)
{
  if (self->loading)
    return;
  sc_document_set_horizon (self->document,
                           (guint) gtk_spin_button_get_value_as_int (spin), NULL);
}

static void
notes_changed_cb (GtkTextBuffer   *buffer,
                  ScProfileEditor *self)
{
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (self->loading)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  sc_document_set_notes (self->document, text);
}

/* --- loading the whole profile ----------------------------------------- */

static void
reload (ScProfileEditor *self)
{
  const ScProfile *profile = sc_document_get_profile (self->document);
  const char *name;

  self->loading = TRUE;
  name = sc_lang_from_code (sc_lang_current ()) == SC_LANG_ZH ? profile->name.zh : profile->name.en;
  if (name == NULL)
    name = sc_profile_get_name (profile, sc_lang_current ());
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name ? name : "");
  calendar_select (self->as_of_calendar, profile->as_of);
  set_date_label (self->as_of_button, profile->as_of);
  gtk_spin_button_set_value (self->horizon_spin, profile->horizon_months);
  {
    /* In the document's language when the profile has notes per language. */
    const char *notes = sc_profile_get_notes_in (profile, sc_lang_to_code (sc_document_get_lang (self->document)));

    gtk_text_buffer_set_text (self->notes, notes != NULL ? notes : "", -1);
  }
  for (guint f = 0; f < SC_N_FIELDS; f++)
    if (self->rows[f].row != NULL)
      load_row (&self->rows[f]);
  self->loading = FALSE;
  sc_baselines_group_rebuild (self->baselines_group);
}

/* Makes the rows of groups[] not made yet, showing the profile's values. */
static void
ensure_rows (ScProfileEditor *self)
{
  gboolean loading = self->loading;

  g_clear_handle_id (&self->build_id, g_source_remove);
  if (self->n_groups_built == G_N_ELEMENTS (groups))
    return;
  self->loading = TRUE;
  for (guint g = self->n_groups_built; g < G_N_ELEMENTS (groups); g++)
    for (ScField f = groups[g].first; f <= groups[g].last; f++)
      {
        build_field_row (self, self->group_widgets[g], f);
        load_row (&self->rows[f]);
      }
  self->n_groups_built = G_N_ELEMENTS (groups);
  self->loading = loading;
}

static gboolean
build_rows_idle (gpointer data)
{
  ScProfileEditor *self = data;

  self->build_id = 0;
  ensure_rows (self);
  return G_SOURCE_REMOVE;
}

/* After the first frame: the rest of the rows, in an idle so the frame is
 * on screen first. */
static void
after_first_paint_cb (GdkFrameClock   *clock,
                      ScProfileEditor *self)
{
  g_clear_signal_handler (&self->after_paint_id, clock);
  if (self->n_groups_built < G_N_ELEMENTS (groups) && self->build_id == 0)
    self->build_id = g_idle_add (build_rows_idle, self);
}

/* Typing on in one field joins one undo step; leaving the field ends it,
 * so coming back to it later and changing it again is a step of its own
 * (as GNOME Text Editor ends an undo group when the cursor moves away). */
static void
focus_moved_cb (ScProfileEditor *self)
{
  sc_document_close_undo_step (self->document);
}

static void
editor_map_cb (ScProfileEditor *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->focus_id == 0 && GTK_IS_WINDOW (root))
    {
      self->focus_window = GTK_WINDOW (root);
      self->focus_id = g_signal_connect_object (root, "notify::focus-widget", G_CALLBACK (focus_moved_cb), self,
                                                G_CONNECT_SWAPPED);
    }

  if (clock == NULL || self->after_paint_id != 0 || self->n_groups_built == G_N_ELEMENTS (groups))
    return;
  self->after_paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_first_paint_cb), self);
}

static void
editor_unmap_cb (ScProfileEditor *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (clock != NULL)
    g_clear_signal_handler (&self->after_paint_id, clock);
  if (self->focus_window != NULL)
    g_clear_signal_handler (&self->focus_id, self->focus_window);
  self->focus_window = NULL;
}

static void
sc_profile_editor_dispose (GObject *object)
{
  ScProfileEditor *self = SC_PROFILE_EDITOR (object);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_handle_id (&self->build_id, g_source_remove);
  g_clear_object (&self->document);
  for (guint f = 0; f < SC_N_FIELDS; f++)
    g_clear_pointer (&self->rows[f].message, g_free);

  G_OBJECT_CLASS (sc_profile_editor_parent_class)->dispose (object);
}

static void
sc_profile_editor_class_init (ScProfileEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_profile_editor_dispose;
  gtk_widget_class_set_css_name (widget_class, "profileeditor");

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/sc-profile-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, ScProfileEditor, page);
  gtk_widget_class_bind_template_child (widget_class, ScProfileEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, ScProfileEditor, as_of_row);
  gtk_widget_class_bind_template_child (widget_class, ScProfileEditor, as_of_button);
  gtk_widget_class_bind_template_child (widget_class, ScProfileEditor, as_of_calendar);
  gtk_widget_class_bind_template_child (widget_class, ScProfileEditor, horizon_spin);
  gtk_widget_class_bind_template_child (widget_class, ScProfileEditor, notes);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, as_of_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, horizon_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, notes_changed_cb);
}

static void
sc_profile_editor_init (ScProfileEditor *self)
{
  /* Nothing is given to a document while the widgets are set up. */
  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  /* As gtk_spin_button_new_with_range() would; the bound is core's. */
  gtk_spin_button_configure (self->horizon_spin, gtk_adjustment_new (1, 1, SC_PROFILE_HORIZON_MAX, 1, 10, 0), 1, 0);
  gtk_spin_button_set_numeric (self->horizon_spin, TRUE);
  sc_scroll_guard_attach (GTK_WIDGET (self->horizon_spin));
  sc_scroll_guard_block (GTK_WIDGET (self->as_of_calendar));
  /* Named by the row it activates: see build_field_row(). */
  sc_a11y_name_inner_button (GTK_WIDGET (self->as_of_button),
                             adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->as_of_row)));
  self->loading = FALSE;
}

static void
document_changed_cb (ScDocument       *document,
                     ScDocumentChange  what,
                     ScProfileEditor  *self)
{
  /* Another profile, or an undo or redo: every field shows it again. */
  if (what == SC_DOCUMENT_CHANGE_PROFILE)
    reload (self);
  /* Program files were added: their platforms' baselines too. */
  else if (what == SC_DOCUMENT_CHANGE_CATALOG)
    sc_baselines_group_rebuild (self->baselines_group);
}

GtkWidget *
sc_profile_editor_new (ScDocument *document)
{
  ScProfileEditor *self;

  g_return_val_if_fail (SC_IS_DOCUMENT (document), NULL);

  self = g_object_new (SC_TYPE_PROFILE_EDITOR, NULL);
  self->document = g_object_ref (document);
  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    {
      AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

      adw_preferences_group_set_title (group, _(groups[g].title));
      if (groups[g].description != NULL)
        adw_preferences_group_set_description (group, _(groups[g].description));
      self->group_widgets[g] = group;
      if (g < EAGER_GROUPS)
        for (ScField f = groups[g].first; f <= groups[g].last; f++)
          build_field_row (self, group, f);
      adw_preferences_page_add (self->page, group);
    }
  self->n_groups_built = MIN (EAGER_GROUPS, G_N_ELEMENTS (groups));
  g_signal_connect (self, "map", G_CALLBACK (editor_map_cb), NULL);
  g_signal_connect (self, "unmap", G_CALLBACK (editor_unmap_cb), NULL);

  self->baselines_group = SC_BASELINES_GROUP (sc_baselines_group_new (document));
  adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (self->baselines_group));

  g_signal_connect (document, "changed", G_CALLBACK (document_changed_cb), self);
  reload (self);
  return GTK_WIDGET (self);
}

void
sc_profile_editor_reload (ScProfileEditor *self)
{
  g_return_if_fail (SC_IS_PROFILE_EDITOR (self));
  reload (self);
}

