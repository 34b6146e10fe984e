/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the loader's tests share: fixtures under tests/data/loader and
 * assertions on file:line messages. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The start of a program file, for tests that write one. */
#define NS "xmlns=\"https://shangce.github.io/ns/program/1\""
#define ROOT "<program-file " NS " format=\"1\" license=\"x\">"

/* The path of fixture @name. (transfer full) */
char  *fixture_path   (const char        *name);
/* The contents of fixture @name; the test fails when it cannot be read. (transfer full) */
char  *read_fixture   (const char        *name);
/* @text with its first @find replaced by @replace; the test fails if absent. (transfer full) */
char  *replace_once   (const char        *text,
                       const char        *find,
                       const char        *replace);
/* The line of the first @needle in @text. */
guint  line_of        (const char        *text,
                       const char        *needle);
/* Asserts @message has a line "NAME:LINE:COL: …" containing every word. */
void   assert_message (const char        *message,
                       const char        *name,
                       guint              line,
                       const char *const *words);

/* @unit @n times over. (transfer full) */
char  *repeat         (const char *unit,
                       guint       n);

G_END_DECLS
