/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sc-application.h"
#include "sc-session.h"

G_BEGIN_DECLS

#define SC_TYPE_MAIN_WINDOW (sc_main_window_get_type ())
G_DECLARE_FINAL_TYPE (ScMainWindow, sc_main_window, SC, MAIN_WINDOW, AdwApplicationWindow)

/*
 * ScMainWindow: one merchant profile beside its results. The profile editor is
 * on the left; the pages Overview, Measures, Programs and Rule check on the
 * right. Every command is a win.* action (new, open, open-example, save,
 * save-as, undo, redo, export, export-report, export-client-report, copy-chart, print, add-programs, help, show-page, toast).
 */
ScMainWindow *sc_main_window_new                 (ScApplication  *application);

/* (transfer none) */
ScSession    *sc_main_window_get_session         (ScMainWindow   *self);
/* "overview", "measures", "programs" or "rule-check". (transfer none) */
GtkWidget    *sc_main_window_get_page            (ScMainWindow   *self,
                                                  const char     *name);
void          sc_main_window_show_page           (ScMainWindow   *self,
                                                  const char     *name);
/* (transfer none) */
const char   *sc_main_window_get_visible_page    (ScMainWindow   *self);
/* Writes the text, CSV (.csv) or JSON (.json) report of the window's
 * estimate to @file, atomically; what win.export-report does once the user
 * chose the file. */
gboolean      sc_main_window_export_report       (ScMainWindow   *self,
                                                  GFile          *file,
                                                  GError        **error);
/* Writes the client report PDF of the window's estimate to @file, with the
 * consultant's name, logo and layout from Preferences; what
 * win.export-client-report does once the user chose the file. */
gboolean      sc_main_window_export_client_report (ScMainWindow  *self,
                                                   GFile         *file,
                                                   GError       **error);
/* Writes the comparison of the profile (A) with scenario B — what the
 * Scenarios page shows — to @file as text, CSV (.csv), JSON (.json) or a
 * workbook (.xlsx); what win.export-comparison does once the user chose
 * the file. Fails when there is no scenario B. */
gboolean      sc_main_window_export_comparison   (ScMainWindow   *self,
                                                  GFile          *file,
                                                  GError        **error);
/* Opens a profile document, or adds a program file (.xml); errors become a
 * toast. Asks first when the current profile has unsaved changes; a request
 * made while it asks takes the place of the earlier one. */
void          sc_main_window_open_file           (ScMainWindow   *self,
                                                  GFile          *file);
/* Opens a bundled example profile by id (file name without .shangce). */
gboolean      sc_main_window_open_example        (ScMainWindow   *self,
                                                  const char     *id);
/* Adds program files; each error becomes a toast naming file and line. */
void          sc_main_window_add_program_files   (ScMainWindow   *self,
                                                  GFile         **files,
                                                  guint           n_files);
/* Shows a toast. */
void          sc_main_window_toast               (ScMainWindow   *self,
                                                  const char     *message);

G_END_DECLS
