/* iis-test-util.h: small helpers shared by the C test suites
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <libiis/iis.h>

G_BEGIN_DECLS

/* A date from a literal known to be valid; aborts the test otherwise. */
IisDate *iis_test_date (const char *text);

/* The ids of a GListModel of entities, joined by spaces ("" if empty). */
char    *iis_test_ids  (GListModel *model);

/* Path of a file under tests/data/. */
char    *iis_test_data_path (const char *name);

/* A new catalog loaded from a file under tests/data/, asserting success. */
IisCatalog *iis_test_load_fixture (const char *name);

/* The catalog as iis_catalog_to_data() writes it, asserting success. */
char       *iis_test_dump         (IisCatalog *catalog);

/* Add @entity to @catalog, asserting success, and drop the caller's
 * reference to it. */
void        iis_test_add          (IisCatalog *catalog,
                                   gpointer    entity);

G_END_DECLS

G_BEGIN_DECLS

/* A small dated scenario, fictional where it says so, for the question
 * and validation suites:
 *
 * - states BY, CN, IN, KZ, RU, UZ;
 * - "sco" (founded 2001-06-15) with "sco-secretariat" part-of it;
 *   CN, KZ, RU, UZ members from 2001-06-15; IN observer 2005 → member
 *   2017-06-09; BY dialogue-partner 2010 → observer 2015 → member
 *   2024-07-04;
 * - "pact" (fictional, founded 1990, dissolved 2000): KZ member from 1990
 *   with no end; "union" (fictional): UZ member 1995 until its withdrawal
 *   2008-11;
 * - "agr-2009" signed 2009-06-16 by CN, KZ, RU, UZ; parties RU from
 *   2010-06-02 (ratification), KZ 2011 (ratification), UZ 2010 to 2012-01
 *   (withdrawal); "agr-2006" (a statement) and "agr-other";
 * - threat categories "threats" ⊃ "info-weapons" ⊃ "info-war", and
 *   "threats" ⊃ "info-terrorism"; agr-2009 addresses info-war and
 *   info-terrorism, agr-2006 addresses threats, agr-other addresses
 *   info-weapons, forum-2017 addresses info-war;
 * - forums "forum-2017" (2017-02-02 … 2017-02-03) organized and hosted by
 *   RU, with sco as participant; "forum-undated" organized by UZ.
 */
IisCatalog *iis_test_scenario_new (void);

/* Add a relation between two ids of @catalog, asserting success; returns
 * the relation (transfer full). */
IisRelation *iis_test_relate (IisCatalog      *catalog,
                              const char      *subject,
                              IisRelationKind  kind,
                              const char      *object,
                              const char      *role,
                              const char      *start,
                              const char      *end);

G_END_DECLS

G_BEGIN_DECLS

/* A file of a folder of bad inputs under tests/data/, and what loading
 * it must fail with, as the folder's manifest (FOLDER/EXPECTED) says. */
typedef struct
{
  char *file;
  int   code;       /* an IisError */
  char *location;   /* a text the message must contain */
} IisTestBadFile;

/* The lines of FOLDER/EXPECTED, in file order: the file, the IisError
 * code's name without IIS_ERROR_, and the rest of the line, the text
 * (not empty); lines starting with "#" and empty lines are skipped. */
GPtrArray  *iis_test_read_bad_files         (const char *folder);

/* One test a file: @test_func with the IisTestBadFile, at
 * "@path_prefix/FILE". */
void        iis_test_add_bad_file_tests     (const char    *path_prefix,
                                             GPtrArray     *cases,
                                             GTestDataFunc  test_func);

/* Every file of @folder but EXPECTED is listed in @cases once, and
 * there are @at_least of them. */
void        iis_test_check_bad_files_listed (const char *folder,
                                             GPtrArray  *cases,
                                             guint       at_least);

G_END_DECLS
