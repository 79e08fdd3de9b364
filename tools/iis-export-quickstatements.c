/* iis-export-quickstatements.c: `iis export --format quickstatements`
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/*
 * Wikidata QuickStatements (version 1: one statement a line, fields
 * separated by tabs) for the facts whose two ends carry a Wikidata id
 * (identifier scheme “wikidata”):
 *
 * - signatory-of: on the agreement, P1891 “signatory” the state, with
 *   P585 “point in time” the signature;
 * - party-to: on the agreement, P6193 “ratified by” the state, with P585
 *   the deposit of its instrument (the “deposit” qualifier) when known,
 *   else the entry into force for it;
 * - member-of: on the member, P463 “member of” the organization, with
 *   P580 “start time” and P582 “end time”;
 *
 * each with S854 “reference URL” the first source that has a URL. A date
 * is written at its precision (/9 year, /10 month, /11 day); an inexact
 * date (EDTF 2005?, 201X …) is left out, since a QuickStatements date
 * cannot say that it is uncertain. Facts with an end without a Wikidata
 * id are counted on the standard error.
 */

#include <string.h>

#include "iis-export.h"

static gboolean
append_time (GString       *line,
             const char    *property,
             const IisDate *date)
{
  if (date == NULL || !iis_date_is_exact (date))
    return FALSE;
  g_string_append_printf (line, "\t%s\t+%04u-%02u-%02uT00:00:00Z/%d", property,
                          iis_date_get_year (date), iis_date_get_month (date),
                          iis_date_get_day (date),
                          iis_date_get_precision (date) == IIS_DATE_PRECISION_YEAR ? 9
                          : iis_date_get_precision (date) == IIS_DATE_PRECISION_MONTH ? 10 : 11);
  return TRUE;
}

static void
append_reference (GString     *line,
                  IisRelation *relation)
{
  GListModel *sources = iis_relation_get_sources (relation);

  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(IisSource) source = g_list_model_get_item (sources, i);
      const char *url = iis_source_get_url (source);

      /* A quoted string cannot hold a double quote or a tab. */
      if (url != NULL && strpbrk (url, "\"\t\n") == NULL)
        {
          g_string_append_printf (line, "\tS854\t\"%s\"", url);
          return;
        }
    }
}

static const char *
wikidata_id (IisEntity *entity)
{
  const char *id = iis_entity_get_identifier (entity, "wikidata");

  if (id == NULL || id[0] != 'Q' || id[1] == '\0' || strspn (id + 1, "0123456789") != strlen (id + 1))
    return NULL;
  return id;
}

int
cli_export_quickstatements (CliExport  *export,
                            const char *path)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  guint left_out = 0;

  for (guint i = 0; i < export->relations->len; i++)
    {
      IisRelation *relation = g_ptr_array_index (export->relations, i);
      IisRelationKind kind = iis_relation_get_kind (relation);
      const char *subject = wikidata_id (iis_relation_get_subject (relation));
      const char *object = wikidata_id (iis_relation_get_object (relation));
      g_autoptr(GString) line = g_string_new (NULL);

      if (kind != IIS_RELATION_KIND_SIGNATORY_OF && kind != IIS_RELATION_KIND_PARTY_TO
          && kind != IIS_RELATION_KIND_MEMBER_OF)
        continue;
      if (subject == NULL || object == NULL)
        {
          left_out++;
          continue;
        }

      switch (kind)
        {
        case IIS_RELATION_KIND_SIGNATORY_OF:
          g_string_append_printf (line, "%s\tP1891\t%s", object, subject);
          append_time (line, "P585", iis_relation_get_start (relation));
          break;
        case IIS_RELATION_KIND_PARTY_TO:
          {
            const char *deposit_text = iis_relation_get_qualifier (relation, "deposit");
            g_autoptr(IisDate) deposit = deposit_text != NULL ? iis_date_parse (deposit_text, NULL) : NULL;

            g_string_append_printf (line, "%s\tP6193\t%s", object, subject);
            append_time (line, "P585", deposit != NULL ? deposit : iis_relation_get_start (relation));
          }
          break;
        case IIS_RELATION_KIND_MEMBER_OF:
        default:
          g_string_append_printf (line, "%s\tP463\t%s", subject, object);
          append_time (line, "P580", iis_relation_get_start (relation));
          append_time (line, "P582", iis_relation_get_end (relation));
          break;
        }
      append_reference (line, relation);
      g_string_append_printf (out, "%s\n", line->str);
    }

  if (left_out > 0)
    cli_error ("%u signatures, ratifications and memberships left out: "
               "an end has no Wikidata id", left_out);
  if (path == NULL || strcmp (path, "-") == 0)
    fwrite (out->str, 1, out->len, stdout);
  else if (!g_file_set_contents (path, out->str, (gssize) out->len, &error))
    {
      cli_error ("%s", error->message);
      return CLI_EXIT_FAILURE;
    }
  return CLI_EXIT_OK;
}
