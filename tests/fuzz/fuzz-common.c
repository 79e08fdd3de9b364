/* fuzz-common.c: what the libFuzzer targets share
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gio/gio.h>
#include <libiis/iis.h>

#include "fuzz-common.h"
#include "iis-catalog-debug-private.h"

static GLogWriterOutput
abort_on_warning (GLogLevelFlags   log_level,
                  const GLogField *fields,
                  gsize            n_fields,
                  gpointer         user_data)
{
  if (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    {
      g_log_writer_standard_streams (log_level, fields, n_fields, user_data);
      abort ();
    }
  return G_LOG_WRITER_HANDLED;
}

void
fuzz_install_log_writer (void)
{
  static gsize installed = 0;

  if (g_once_init_enter (&installed))
    {
      g_log_set_writer_func (abort_on_warning, NULL, NULL);
      g_once_init_leave (&installed, 1);
    }
}

void
fuzz_fail (const char *format,
           ...)
{
  va_list args;

  va_start (args, format);
  fputs ("fuzz: invariant broken: ", stderr);
  vfprintf (stderr, format, args);
  fputc ('\n', stderr);
  va_end (args);
  fflush (stderr);
  abort ();
}

void
fuzz_check_error (const GError *error,
                  const char   *what)
{
  if (error == NULL)
    fuzz_fail ("%s failed without an error", what);
  if (error->domain != IIS_ERROR && error->domain != G_IO_ERROR)
    fuzz_fail ("%s failed with an error of domain %s: %s", what,
               g_quark_to_string (error->domain), error->message);
  if (error->domain == IIS_ERROR
      && (error->code < IIS_ERROR_PARSE || error->code > IIS_ERROR_LIMIT_EXCEEDED))
    fuzz_fail ("%s failed with an unknown IIS_ERROR code %d: %s", what,
               error->code, error->message);
  if (error->message == NULL || error->message[0] == '\0')
    fuzz_fail ("%s failed with an empty error message", what);
  if (!g_utf8_validate (error->message, -1, NULL))
    fuzz_fail ("%s failed with an error message that is not UTF-8", what);
}

void
fuzz_check_failed_load (IisCatalog   *catalog,
                        const GError *error,
                        const char   *text_before,
                        guint         n_entities,
                        guint         n_relations,
                        const char   *what)
{
  g_autofree char *text_after = NULL;

  fuzz_check_error (error, what);
  _iis_catalog_check_invariants (catalog);
  if (iis_catalog_get_n_entities (catalog) != n_entities
      || iis_catalog_get_n_relations (catalog) != n_relations)
    fuzz_fail ("%s: a failed load (%s) changed the number of entities or relations",
               what, error->message);
  text_after = fuzz_document_of (catalog, IIS_SAVE_FLAGS_NONE, NULL, what);
  if (strcmp (text_before, text_after) != 0)
    fuzz_fail ("%s: a failed load (%s) changed the catalog:\n%s\n----\n%s",
               what, error->message, text_before, text_after);
}

char *
fuzz_document_of (IisCatalog   *catalog,
                  IisSaveFlags  flags,
                  gsize        *length,
                  const char   *what)
{
  g_autoptr(GError) error = NULL;
  char *text = iis_catalog_to_data_full (catalog, flags, length, &error);

  if (text == NULL)
    fuzz_fail ("%s: writing the catalog failed: %s", what, error->message);
  return text;
}

IisCatalog *
fuzz_catalog_new_from_data (const char *document,
                            const char *what)
{
  g_autoptr(GError) error = NULL;
  IisCatalog *catalog = iis_catalog_new ();

  if (!iis_catalog_load_from_data (catalog, document, -1, &error))
    fuzz_fail ("%s does not load: %s", what, error->message);
  return catalog;
}

/* Ask every question about every entity; the answers are not checked
 * here (the unit tests do), only that asking is safe. */
void
fuzz_ask_questions (IisCatalog *catalog)
{
  g_autoptr(GListModel) entities = iis_catalog_list_entities (catalog, IIS_TYPE_ENTITY);
  g_autoptr(GListModel) relations = NULL;
  g_autoptr(GListModel) problems = NULL;
  g_autoptr(IisDate) at = iis_date_new (2010, 6, 0);
  guint n = g_list_model_get_n_items (entities);

  if (n != iis_catalog_get_n_entities (catalog))
    fuzz_fail ("list_entities gives %u entities, get_n_entities %u",
               n, iis_catalog_get_n_entities (catalog));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IisEntity) entity = g_list_model_get_item (entities, i);
      const char *id = iis_entity_get_id (entity);
      g_autoptr(GListModel) a = NULL;
      g_autoptr(GListModel) b = NULL;
      g_autoptr(GListModel) c = NULL;
      g_autoptr(GListModel) d = NULL;
      g_autoptr(GListModel) e = NULL;
      g_autoptr(GListModel) f = NULL;
      g_autoptr(GListModel) g = NULL;

      if (iis_catalog_lookup (catalog, id) != entity)
        fuzz_fail ("lookup (“%s”) does not give the listed entity", id);
      (void) iis_entity_get_name (entity);

      a = iis_catalog_get_related (catalog, entity, IIS_RELATION_KIND_ANY, FALSE, NULL);
      b = iis_catalog_get_related (catalog, entity, IIS_RELATION_KIND_ANY, TRUE, at);
      c = iis_catalog_get_memberships (catalog, entity, at);
      d = iis_catalog_get_agreements_of (catalog, entity, NULL);
      e = iis_catalog_get_forums_of (catalog, entity, at);
      f = iis_catalog_get_parts (catalog, entity, TRUE);
      g = iis_catalog_get_wholes (catalog, entity, TRUE);

      if (IIS_IS_ORGANIZATION (entity))
        {
          g_autoptr(GListModel) members =
            iis_catalog_get_members (catalog, IIS_ORGANIZATION (entity), NULL, at);
        }
      else if (IIS_IS_AGREEMENT (entity))
        {
          g_autoptr(GListModel) parties =
            iis_catalog_get_parties (catalog, IIS_AGREEMENT (entity), NULL);
          g_autoptr(GListModel) signatories =
            iis_catalog_get_signatories (catalog, IIS_AGREEMENT (entity));
        }
      else if (IIS_IS_THREAT_CATEGORY (entity))
        {
          g_autoptr(GListModel) addressing =
            iis_catalog_get_agreements_addressing (catalog, IIS_THREAT_CATEGORY (entity), TRUE);
        }
    }

  relations = iis_catalog_list_relations (catalog, NULL, IIS_RELATION_KIND_ANY, NULL);
  if (g_list_model_get_n_items (relations) != iis_catalog_get_n_relations (catalog))
    fuzz_fail ("list_relations gives %u relations, get_n_relations %u",
               g_list_model_get_n_items (relations), iis_catalog_get_n_relations (catalog));

  problems = iis_catalog_validate (catalog);
}
