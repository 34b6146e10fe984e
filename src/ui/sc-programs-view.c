/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-ui"

#include "config.h"

#include "sc-programs-view.h"

#include "sc-a11y.h"

#include <glib/gi18n.h>

struct _ScProgramsView
{
  ScPage              parent_instance;

  ScDocument         *document;   /* the page's (ScPage), borrowed */
  AdwPreferencesPage *page;
  GPtrArray          *groups;     /* AdwPreferencesGroup* currently on the page */
  GHashTable         *dismissed;  /* load errors removed from the list: error_key() */
};

G_DEFINE_FINAL_TYPE (ScProgramsView, sc_programs_view, SC_TYPE_PAGE)

static void
toast (ScProgramsView *self,
       const char     *message)
{
  /* The window shows it; without one (tests), the message is only logged. */
  if (!gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", message))
    g_message ("%s", message);
}

static GtkWidget *
add_row (AdwPreferencesGroup *group,
         GtkWidget           *parent_expander,
         const char          *title,
         const char          *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 8);
  gtk_widget_add_css_class (row, "property");
  if (parent_expander != NULL)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (parent_expander), row);
  else
    adw_preferences_group_add (group, row);
  return row;
}

static const char *
status_css (ScProgramStatus status)
{
  return sc_program_status_to_string (status);
}

static GtkWidget *
status_badge (ScProgramStatus status)
{
  GtkWidget *badge = gtk_label_new (sc_program_status_label (status));

  gtk_widget_add_css_class (badge, "status-badge");
  gtk_widget_add_css_class (badge, status_css (status));
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  return badge;
}

static void
switch_cb (GtkSwitch      *sw,
           GParamSpec     *pspec,
           ScProgramsView *self)
{
  const char *id = g_object_get_data (G_OBJECT (sw), "program-id");

  sc_document_set_program_enabled (self->document, id, gtk_switch_get_active (sw));
}

static char *
window_text (const ScWindow *window)
{
  char a[16], b[16];

  if (window->start == SC_DAY_NONE && window->end == SC_DAY_NONE)
    return g_strdup (_("No dates stated"));
  if (window->end == SC_DAY_NONE)
    return g_strdup_printf (_("From %s, open end"), sc_day_format (window->start, a));
  if (window->start == SC_DAY_NONE)
    return g_strdup_printf (_("Until %s"), sc_day_format (window->end - 1, b));
  /* TRANSLATORS: a date range, both days included */
  return g_strdup_printf (_("%s to %s"), sc_day_format (window->start, a),
                          sc_day_format (window->end - 1, b));
}

/* "中国新闻网 · 2026-01-08", or that no address was recorded. (transfer full) */
static char *
source_subtitle (const ScSource *source)
{
  g_autoptr(GString) s = g_string_new (source->publisher);
  char date[16];

  if (source->published != SC_DAY_NONE)
    g_string_append_printf (s, "%s%s", s->len > 0 ? " · " : "", sc_day_format (source->published, date));
  if (source->url == NULL || *source->url == '\0')
    g_string_append_printf (s, "%s%s", s->len > 0 ? " · " : "", _("no web address recorded"));
  return g_strdup (s->str);
}

/* Details are built when a program is first expanded: there are many. */
static void
expanded_cb (GtkWidget      *expander,
             GParamSpec     *pspec,
             ScProgramsView *self)
{
  const ScProgram *program = g_object_get_data (G_OBJECT (expander), "program");
  ScCatalog *catalog = sc_document_get_catalog (self->document);
  const char *lang = sc_lang_current ();

  if (program == NULL || g_object_get_data (G_OBJECT (expander), "filled") != NULL)
    return;
  g_object_set_data (G_OBJECT (expander), "filled", GINT_TO_POINTER (1));

  add_row (NULL, expander, _("Summary"), sc_text_get (&program->summary, lang));
  /* Platform-wide figures: next to the summary, told apart from the
   * measures below, which are what one merchant may get. */
  for (guint i = 0; i < program->headlines->len; i++)
    {
      const ScHeadline *headline = g_ptr_array_index (program->headlines, i);
      /* TRANSLATORS: under a platform-wide figure of a program on the Programs page; %s is the quoted sentence */
      g_autofree char *sub = g_strdup_printf (_("Platform-wide figure, all merchants together, never one merchant's value: “%s”"),
                                              headline->quote);
      GtkWidget *row = add_row (NULL, expander, sc_text_get (&headline->text, lang), sub);
      GtkWidget *icon = gtk_image_new_from_icon_name ("view-list-bullet-symbolic");

      gtk_widget_add_css_class (row, "headline");
      gtk_widget_add_css_class (icon, "dim-label");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Platform-wide figure"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
    }
  {
    g_autofree char *origin = g_strdup_printf ("%s (%s r%u)", program->origin, program->id, program->revision);
    const char *where;
    switch (sc_catalog_get_origin (catalog, program))
      {
      case SC_ORIGIN_BUNDLED: where = _("Bundled program file"); break;
      case SC_ORIGIN_USER: where = _("Your program folder"); break;
      case SC_ORIGIN_COMMAND_LINE:
      default: where = _("Added by you"); break;
      }
    add_row (NULL, expander, where, origin);
  }
  for (guint i = 0; program->source_ids != NULL && program->source_ids[i] != NULL; i++)
    {
      const ScSource *source = sc_catalog_find_source (catalog, program, program->source_ids[i]);
      g_autofree char *title = NULL;
      GtkWidget *row;

      if (source == NULL)
        continue;
      /* What a reader can look up: title, publisher, date and address;
       * never the name of the seed file it was copied into. */
      title = g_strdup_printf (_("Source: %s"), sc_text_get (&source->title, lang));
      {
        g_autofree char *sub = source_subtitle (source);
        row = add_row (NULL, expander, title, sub);
      }
      if (source->url != NULL && *source->url != '\0')
        {
          /* The site's name reads at a glance; the tooltip has the whole address. */
          g_autoptr(GUri) uri = g_uri_parse (source->url, G_URI_FLAGS_NONE, NULL);
          const char *host = uri != NULL ? g_uri_get_host (uri) : NULL;
          GtkWidget *link = gtk_link_button_new_with_label (source->url, host != NULL ? host : source->url);

          gtk_widget_set_valign (link, GTK_ALIGN_CENTER);
          gtk_widget_set_tooltip_text (link, source->url);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), link);
        }
    }
  for (guint i = 0; i < program->measures->len; i++)
    {
      const ScMeasure *measure = g_ptr_array_index (program->measures, i);
      GtkWidget *row = add_row (NULL, expander, sc_text_get (&measure->title, lang),
                                sc_text_get (&measure->summary, lang));

      /* A measure whose status is not its program's (预计 in a program in force) says so. */
      if (measure->status != program->status)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), status_badge (measure->status));
    }
}

static GtkWidget *
program_row (ScProgramsView  *self,
             const ScProgram *program)
{
  const char *lang = sc_lang_current ();
  GtkWidget *expander = adw_expander_row_new ();
  GtkWidget *badge, *sw;
  g_autofree char *window = window_text (&program->window);
  g_autofree char *subtitle = NULL;
  int year = 0, m, d;

  if (program->window.start != SC_DAY_NONE)
    sc_day_to_ymd (program->window.start, &year, &m, &d);
  /* The summary is long: the row shows year and window, the summary is inside. */
  subtitle = year > 0 ? g_strdup_printf ("%d · %s", year, window) : g_strdup (window);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), sc_text_get (&program->name, lang));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);

  badge = status_badge (program->status);

  sw = gtk_switch_new ();
  gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
  gtk_switch_set_active (GTK_SWITCH (sw), sc_document_is_program_enabled (self->document, program->id));
  g_object_set_data_full (G_OBJECT (sw), "program-id", g_strdup (program->id), g_free);
  {
    g_autofree char *label = g_strdup_printf (_("Include %s"), sc_text_get (&program->name, lang));
    gtk_accessible_update_property (GTK_ACCESSIBLE (sw), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
    gtk_widget_set_tooltip_text (sw, _("Include in the estimates"));
  }
  g_signal_connect (sw, "notify::active", G_CALLBACK (switch_cb), self);
  /* Named by the program's id: what finds it among the rows. */
  gtk_widget_set_name (sw, program->id);

#if ADW_CHECK_VERSION (1, 4, 0)
  adw_expander_row_add_suffix (ADW_EXPANDER_ROW (expander), badge);
  adw_expander_row_add_suffix (ADW_EXPANDER_ROW (expander), sw);
#else
  adw_expander_row_add_action (ADW_EXPANDER_ROW (expander), badge);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (expander), sw);
#endif

  g_object_set_data (G_OBJECT (expander), "program", (gpointer) program);
  g_signal_connect (expander, "notify::expanded", G_CALLBACK (expanded_cb), self);
  return expander;
}

static int
compare_by_year_desc (gconstpointer a,
                      gconstpointer b)
{
  const ScProgram *pa = *(ScProgram * const *) a;
  const ScProgram *pb = *(ScProgram * const *) b;

  if (pa->window.start != pb->window.start)
    return pa->window.start < pb->window.start ? 1 : -1;
  return g_strcmp0 (pa->id, pb->id);
}

static void
open_folder_cb (GtkButton *button,
                gpointer   data)
{
  gtk_widget_activate_action (GTK_WIDGET (button), "win.add-programs", NULL);
}

/* Tells a load error apart from every other of the same catalog. (transfer full) */
static char *
error_key (const GError *error)
{
  return g_strdup_printf ("%p|%s", (const void *) error, error->message);
}

static void rebuild (ScProgramsView *self);

/* programs.remove-error (s): takes a file that did not load off the list. */
static void
remove_error_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ScProgramsView *self = SC_PROGRAMS_VIEW (widget);

  g_hash_table_add (self->dismissed, g_variant_dup_string (parameter, NULL));
  rebuild (self);
}

static void
rebuild (ScProgramsView *self)
{
  ScCatalog *catalog = sc_document_get_catalog (self->document);
  GPtrArray *programs = sc_catalog_get_programs (catalog);
  GPtrArray *errors = sc_catalog_get_errors (catalog);
  g_autoptr(GPtrArray) platforms = g_ptr_array_new ();
  AdwPreferencesGroup *group;
  GtkWidget *button;

  for (guint i = 0; i < self->groups->len; i++)
    adw_preferences_page_remove (self->page, g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);

  /* Files that did not load come first: they need the user's attention. */
  {
    guint shown = 0;

    for (guint i = 0; i < errors->len; i++)
      {
        g_autofree char *key = error_key (g_ptr_array_index (errors, i));
        shown += !g_hash_table_contains (self->dismissed, key);
      }
    if (shown == 0)
      errors = NULL;
  }
  if (errors != NULL)
    {
      group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      adw_preferences_group_set_title (group, _("Files That Did Not Load"));
      for (guint i = 0; i < errors->len; i++)
        {
          const GError *error = g_ptr_array_index (errors, i);
          g_autofree char *key = error_key (error);
          GtkWidget *row, *icon, *remove;

          if (g_hash_table_contains (self->dismissed, key))
            continue;
          row = adw_action_row_new ();
          icon = gtk_image_new_from_icon_name ("dialog-error-symbolic");
          remove = gtk_button_new_from_icon_name ("window-close-symbolic");
          gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (remove, "flat");
          gtk_widget_set_tooltip_text (remove, _("Remove from this list"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _("Remove from this list"), -1);
          gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "programs.remove-error");
          gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "s", key);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

          gtk_widget_add_css_class (icon, "error");
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), error->message);
          adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 4);
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
          adw_preferences_group_add (group, row);
        }
      adw_preferences_page_add (self->page, group);
      g_ptr_array_add (self->groups, group);
    }

  for (guint i = 0; i < programs->len; i++)
    {
      const ScProgram *program = g_ptr_array_index (programs, i);
      gboolean seen = FALSE;
      for (guint j = 0; j < platforms->len; j++)
        seen |= g_str_equal (g_ptr_array_index (platforms, j), program->platform);
      if (!seen)
        g_ptr_array_add (platforms, program->platform);
    }

  for (guint j = 0; j < platforms->len; j++)
    {
      const char *platform = g_ptr_array_index (platforms, j);
      const ScBaseline *baseline = sc_catalog_find_baseline (catalog, platform);
      g_autoptr(GPtrArray) mine = g_ptr_array_new ();

      for (guint i = 0; i < programs->len; i++)
        {
          const ScProgram *program = g_ptr_array_index (programs, i);
          if (g_str_equal (program->platform, platform))
            g_ptr_array_add (mine, (gpointer) program);
        }
      g_ptr_array_sort (mine, compare_by_year_desc);

      group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      {
        /* Group titles are markup: "Taobao & Tmall" needs escaping. */
        g_autofree char *title = g_markup_escape_text (baseline ? sc_text_get (&baseline->name, sc_lang_current ())
                                                                : platform, -1);
        adw_preferences_group_set_title (group, title);
      }
      for (guint i = 0; i < mine->len; i++)
        adw_preferences_group_add (group, program_row (self, g_ptr_array_index (mine, i)));
      adw_preferences_page_add (self->page, group);
      g_ptr_array_add (self->groups, group);
    }

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("Your Program Files"));
  adw_preferences_group_set_description (group, _("Add program files you wrote or received, or drop them on this page. The format is described in the help."));
  button = gtk_button_new_with_mnemonic (_("_Add Program File…"));
  sc_a11y_fix_mnemonic (button);
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_add_css_class (button, "pill");
  g_signal_connect (button, "clicked", G_CALLBACK (open_folder_cb), self);
  adw_preferences_group_add (group, button);
  adw_preferences_page_add (self->page, group);
  g_ptr_array_add (self->groups, group);
}

guint
sc_programs_view_add_files (ScProgramsView  *self,
                            GFile          **files,
                            guint            n_files)
{
  guint loaded = 0;

  g_return_val_if_fail (SC_IS_PROGRAMS_VIEW (self), 0);

  for (guint i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);
      g_autoptr(GError) error = NULL;

      if (path == NULL)
        continue;
      if (sc_document_add_program_file (self->document, path, SC_ORIGIN_COMMAND_LINE, &error))
        {
          g_autofree char *base = g_file_get_basename (files[i]);
          g_autofree char *msg = g_strdup_printf (_("Added %s"), base);
          toast (self, msg);
          loaded++;
        }
      else
        toast (self, error->message);
    }
  return loaded;
}

static gboolean
drop_cb (GtkDropTarget  *target,
         const GValue   *value,
         double          x,
         double          y,
         ScProgramsView *self)
{
  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      GSList *list = g_value_get_boxed (value);
      g_autoptr(GPtrArray) files = g_ptr_array_new ();
      for (GSList *l = list; l != NULL; l = l->next)
        g_ptr_array_add (files, l->data);
      return sc_programs_view_add_files (self, (GFile **) files->pdata, files->len) > 0;
    }
  if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    {
      GFile *file = g_value_get_object (value);
      return sc_programs_view_add_files (self, &file, 1) > 0;
    }
  return FALSE;
}

static void
document_changed_cb (ScProgramsView   *self,
                     ScDocumentChange  what)
{
  /* Program files were added (switching programs only recomputes). */
  if (what == SC_DOCUMENT_CHANGE_CATALOG)
    rebuild (self);
}

static void
sc_programs_view_constructed (GObject *object)
{
  ScProgramsView *self = SC_PROGRAMS_VIEW (object);

  G_OBJECT_CLASS (sc_programs_view_parent_class)->constructed (object);
  self->document = sc_page_get_document (SC_PAGE (self));

  g_signal_connect_object (self->document, "changed", G_CALLBACK (document_changed_cb), self,
                           G_CONNECT_SWAPPED);
  rebuild (self);
}

static void
sc_programs_view_dispose (GObject *object)
{
  ScProgramsView *self = SC_PROGRAMS_VIEW (object);

  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->dismissed, g_hash_table_unref);

  G_OBJECT_CLASS (sc_programs_view_parent_class)->dispose (object);
}

static void
sc_programs_view_class_init (ScProgramsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sc_programs_view_constructed;
  object_class->dispose = sc_programs_view_dispose;

  gtk_widget_class_install_action (widget_class, "programs.remove-error", "s", remove_error_action);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/sc-programs-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ScProgramsView, page);
}

static void
sc_programs_view_init (ScProgramsView *self)
{
  GtkDropTarget *target;
  GType types[] = { GDK_TYPE_FILE_LIST, G_TYPE_FILE };

  gtk_widget_init_template (GTK_WIDGET (self));
  self->groups = g_ptr_array_new ();
  self->dismissed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* Program files dropped on the page are added. */
  target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (target, types, G_N_ELEMENTS (types));
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

GtkWidget *
sc_programs_view_new (ScDocument *document)
{
  g_return_val_if_fail (SC_IS_DOCUMENT (document), NULL);

  return g_object_new (SC_TYPE_PROGRAMS_VIEW, "document", document, NULL);
}

